from graphs.meal_analysis import build_graph

EXPECTED = """graph TD;
\t__start__ --> parse;
\tcalculate --> consensus;
\tconsensus --> result;
\tparse -.-> calculate;
\tparse -.-> resolve;
\tresolve --> calculate;
\tresult --> __end__;
"""


def test_meal_graph_topology_snapshot() -> None:
    mermaid = build_graph().compile().get_graph().draw_mermaid(with_styles=False)
    assert mermaid == EXPECTED


def test_nutrition_tools_hide_server_side_arguments() -> None:
    from tools.nutrition import analyze_meal, search_foods

    assert set(analyze_meal.tool_call_schema.model_json_schema()["properties"]) == {"text"}
    assert set(search_foods.tool_call_schema.model_json_schema()["properties"]) == {
        "query",
        "limit",
    }
