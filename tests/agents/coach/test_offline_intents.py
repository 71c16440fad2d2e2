import pytest

from agents.coach.confirm import leading_verb, needs_confirmation, parse_confirmation, question
from agents.coach.llm.intents import classify
from agents.coach.llm.profile_slots import extract_profile
from tools.registry import load_tools

TOOLS = {t.name: t for t in load_tools()}


@pytest.mark.parametrize(
    ("message", "kind", "text"),
    [
        ("I had two eggs and toast for breakfast", "log_meal",
         "I had two eggs and toast for breakfast"),
        ("For lunch I ate a turkey sandwich", "log_meal", "For lunch I ate a turkey sandwich"),
        ("Please log 2 eggs for breakfast.", "log_meal", "2 eggs for breakfast"),
        ("can you add an apple to my diary please", "log_meal", "an apple"),
        ("log", "log_meal", ""),
        ("What did I eat today?", "list_meals", ""),
        ("show me my meals", "list_meals", ""),
        ("How am I doing vs my targets?", "daily_summary", ""),
        ("how many calories do I have left", "daily_summary", ""),
        ("what's in a big mac?", "lookup", "a big mac"),
        ("How many calories in 100 g of brown rice?", "lookup", "100 g of brown rice"),
        ("what are my targets", "get_profile", ""),
        ("undo that", "undo", ""),
        ("delete my last meal", "undo", ""),
        ("actually it was three eggs", "update_meal", "three eggs"),
        ("change it to an apple", "update_meal", "an apple"),
        ("yes", "confirm", ""),
        ("No thanks.", "decline", ""),
        ("hello", "help", ""),
        ("what is the weather like", "unknown", ""),
    ],
)  # fmt: skip
def test_classify_routes_each_request(message: str, kind: str, text: str) -> None:
    intent = classify(message)
    assert (intent.kind, intent.text) == (kind, text)


def test_days_are_read_from_the_message() -> None:
    assert classify("what did I eat yesterday").day == "yesterday"
    assert classify("how am I doing on 2025-03-14?").day == "2025-03-14"
    assert classify("I had an apple").day == "today"


def test_profile_statements_and_goals_are_extracted() -> None:
    intent = classify("I'm 30, male, 180 cm, 80 kg, moderately active")
    assert intent.kind == "set_profile"
    assert intent.profile == {"sex": "male", "age_years": 30, "height_cm": 180.0,
                              "weight_kg": 80.0, "activity_level": "moderate"}  # fmt: skip
    assert classify("set my goal to lose weight").profile == {"goal": "lose"}
    assert classify("I weigh 72.5 kg").profile == {"weight_kg": 72.5}


def test_imperial_units_are_converted() -> None:
    fields = extract_profile("i am a 45 year old woman, 5'6\" and 150 lbs, sedentary")
    assert fields == {"sex": "female", "age_years": 45, "height_cm": 167.6,
                      "weight_kg": 68.0, "activity_level": "sedentary"}  # fmt: skip
    assert extract_profile("i'm 1.75 m tall") == {"height_cm": 175.0}


def test_eating_statement_with_numbers_is_not_a_profile() -> None:
    assert classify("I had 2 eggs and a 1 kg steak").kind == "log_meal"


@pytest.mark.parametrize(
    ("answer", "decision"),
    [("yes", True), ("Yes please!", True), ("ok", True), ("sure, thanks", True),
     ("no", False), ("Nope.", False), ("cancel", False),
     ("yes and add a coffee", None), ("what did I eat", None)],
)  # fmt: skip
def test_parse_confirmation(answer: str, decision: bool | None) -> None:
    assert parse_confirmation(answer) is decision


def test_explicit_commands_skip_confirmation_and_statements_do_not() -> None:
    log = [{"name": "log_meal", "args": {"text": "two eggs"}, "id": "1", "type": "tool_call"}]
    assert leading_verb("Please can you log two eggs") == "log"
    assert not needs_confirmation(log, TOOLS, "log two eggs")
    assert not needs_confirmation(log, TOOLS, "could you add two eggs")
    assert needs_confirmation(log, TOOLS, "I had two eggs")
    assert needs_confirmation(log, TOOLS, "delete two eggs")  # a verb of another tool
    delete = [{"name": "delete_meal", "args": {"meal_id": "x"}, "id": "2", "type": "tool_call"}]
    assert not needs_confirmation(delete, TOOLS, "undo that")
    assert needs_confirmation([*log, *delete], TOOLS, "log two eggs")  # two writes always ask
    read = [{"name": "daily_summary", "args": {}, "id": "3", "type": "tool_call"}]
    assert not needs_confirmation(read, TOOLS, "I had two eggs")


def test_question_names_the_pending_action() -> None:
    log = [{"name": "log_meal", "args": {"text": "two eggs", "slot": "breakfast"}, "id": "1",
            "type": "tool_call"}]  # fmt: skip
    assert question(log, TOOLS) == "Log this meal: two eggs (breakfast)? (yes/no)"
    args = {"age_years": 30, "height_cm": 180.0, "goal": "lose"}
    profile = [{"name": "set_profile", "args": args, "id": "2", "type": "tool_call"}]
    assert question(profile, TOOLS) == (
        "Update your profile: age 30 years, height 180 cm, goal lose? (yes/no)"
    )
