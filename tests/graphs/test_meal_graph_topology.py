from graphs.meal_analysis import build_graph

# The model leg (model_parse -> model_ground) runs beside the rule-based leg and joins it
# at consensus; without a chat model in the context both of its nodes return nothing.
EXPECTED = """graph TD;
\t__start__ --> model_parse;
\t__start__ --> parse;
\tcalculate --> consensus;
\tconsensus --> result;
\tmodel_ground --> consensus;
\tmodel_parse --> model_ground;
\tparse -.-> calculate;
\tparse -.-> resolve;
\tresolve --> calculate;
\tresult --> __end__;
"""


def test_meal_graph_topology_snapshot() -> None:
    mermaid = build_graph().compile().get_graph().draw_mermaid(with_styles=False)
    assert mermaid == EXPECTED


def test_nutrition_tools_hide_server_side_arguments() -> None:
    from pydantic import BaseModel

    from tools.nutrition import analyze_meal, search_foods

    def properties(schema: object) -> set[str]:
        assert isinstance(schema, type) and issubclass(schema, BaseModel)
        return set(schema.model_json_schema()["properties"])

    assert properties(analyze_meal.tool_call_schema) == {"text"}
    assert properties(search_foods.tool_call_schema) == {"query", "limit"}
