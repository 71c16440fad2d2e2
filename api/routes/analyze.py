"""Meal analysis endpoint: text in, items with provenance, totals, ranges, flags out."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter, HTTPException

from agents.nutrition.analyzer import MealTextError
from api.deps import ContextDep
from api.meal_schemas import AnalyzeRequest, MealAnalysisOut
from api.schemas import BAD_BODY, UNPROCESSABLE, ErrorOut

router = APIRouter(prefix="/v1/meals", tags=["meals"])


@router.post(
    "/analyze",
    response_model=MealAnalysisOut,
    responses={**BAD_BODY, **UNPROCESSABLE, 413: {"model": ErrorOut}},
    summary="Analyse a meal description (nothing is stored)",
)
async def analyze_meal(ctx: ContextDep, body: AnalyzeRequest) -> MealAnalysisOut:
    """Every number traces to a USDA record; disagreement becomes flags and questions."""
    try:
        analysis = await ctx.analyzer.analyze(body.text)
    except MealTextError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return MealAnalysisOut.model_validate(asdict(analysis))
