from graphs.coach import build_graph
from tools.registry import injected_names, load_tools

EXPECTED = """graph TD;
\t__start__ --> agent;
\tagent -.-> __end__;
\tagent -.-> confirm;
\tagent -.-> tools;
\tconfirm -.-> agent;
\tconfirm -.-> tools;
\ttools --> agent;
"""


def test_coach_graph_topology_snapshot() -> None:
    mermaid = build_graph().compile().get_graph().draw_mermaid(with_styles=False)
    assert mermaid == EXPECTED


def test_coach_tools_hide_every_server_side_argument() -> None:
    tools = {t.name: t for t in load_tools()}
    visible = {name: set(t.tool_call_schema.model_json_schema()["properties"])
               for name, t in tools.items()}  # fmt: skip
    assert visible == {
        "analyze_meal": {"text"},
        "search_foods": {"query", "limit"},
        "log_meal": {"text", "slot", "day"},
        "update_meal": {"meal_id", "text", "slot", "day"},
        "delete_meal": {"meal_id"},
        "list_meals": {"day"},
        "daily_summary": {"day"},
        "get_profile": set(),
        "set_profile": {"sex", "age_years", "height_cm", "weight_kg", "activity_level", "goal"},
    }
    server_side = {"user_id", "db", "analyzer", "search", "today"}
    for tool in tools.values():
        assert set(injected_names(tool)) <= server_side
        assert not (visible[tool.name] & server_side)


def test_only_write_tools_declare_confirmation_metadata() -> None:
    writes = {t.name for t in load_tools() if (t.metadata or {}).get("write")}
    assert writes == {"log_meal", "update_meal", "delete_meal", "set_profile"}
