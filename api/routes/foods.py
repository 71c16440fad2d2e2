"""Food knowledge base endpoints: search and detail."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from api.deps import SearchDep
from api.schemas import UNPROCESSABLE, ErrorOut, FoodHitOut, FoodOut, PortionOut
from store.search import FoodHit, SearchQueryError

router = APIRouter(prefix="/v1/foods", tags=["foods"])


def hit_out(hit: FoodHit) -> FoodHitOut:
    """Search hit → response model."""
    return FoodHitOut(
        id=hit.id, name=hit.name, source=hit.source, source_id=hit.source_id,
        category=hit.category, score=hit.score, nutrients=hit.nutrients,
        match={"coverage": hit.coverage, "lexical_rank": hit.lexical_rank,
               "trigram_rank": hit.trigram_rank, "semantic_rank": hit.semantic_rank,
               "semantic_similarity": hit.semantic_similarity},
    )  # fmt: skip


@router.get(
    "/search",
    response_model=list[FoodHitOut],
    responses=UNPROCESSABLE,
    summary="Hybrid food search (lexical + semantic, nutrition-aware re-ranking)",
)
async def search_foods(
    search: SearchDep,
    q: Annotated[str, Query(description="Food phrase", examples=["brown rice"], max_length=2000)],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> list[FoodHitOut]:
    """Foods best matching ``q``, generic and plainly prepared ones first."""
    try:
        hits = await search.search(q, limit)
    except SearchQueryError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return [hit_out(h) for h in hits]


@router.get(
    "/{food_id}",
    response_model=FoodOut,
    responses={404: {"model": ErrorOut}},
    summary="One food: nutrients per 100 g, household portions, provenance",
)
async def get_food(search: SearchDep, food_id: str) -> FoodOut:
    """Everything known about one food."""
    food = await search.get_food(food_id)
    if food is None:
        raise HTTPException(status_code=404, detail=f"no food with id {food_id!r}")
    return FoodOut(
        id=food.id, name=food.name, source=food.source, source_id=food.source_id,
        category=food.category, data_type=food.data_type, is_branded=food.is_branded,
        is_mixed_dish=food.is_mixed_dish, nutrients=food.nutrients,
        portions=[PortionOut(description=p.description, amount=p.amount, unit=p.unit,
                             gram_weight=p.gram_weight) for p in food.portions],
        provenance={"source": food.source, "source_id": food.source_id,
                    "data_type": food.data_type, **food.extra},
    )  # fmt: skip
