"""Replies of the offline coach, composed only from tool results.

Every figure in a reply is copied from a tool's JSON output (formatting only drops a
trailing ".0"); when a tool did not act, the reply says so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Result = Mapping[str, Any]
MACROS = (("energy_kcal", "kcal", ""), ("protein_g", "g", " protein"),
          ("carbohydrate_g", "g", " carbohydrate"), ("fat_g", "g", " fat"))  # fmt: skip
CANCELLED = {"log_meal": "OK, nothing was logged.", "delete_meal": "OK, nothing was deleted.",
             "update_meal": "OK, I left the meal as it was.",
             "set_profile": "OK, your profile was not changed."}  # fmt: skip


def num(value: Any) -> str:
    """A figure as written in the tool output, without a trailing ".0"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def macros(values: Mapping[str, Any]) -> str:
    """The macros present, as in "216.4 kcal, 15.1 g protein"."""
    parts = [f"{num(values[k])} {unit}{label}" for k, unit, label in MACROS if k in values]
    return ", ".join(parts) or "nothing"


def _items(items: list[Mapping[str, Any]]) -> str:
    lines = []
    for item in items:
        kcal = item.get("nutrients", {}).get("energy_kcal")
        food = item.get("food") or "not found"
        detail = f"{num(item['grams'])} g, {num(kcal)} kcal" if item.get("grams") else "no amount"
        lines.append(f"{item.get('phrase')} → {food}, {detail}")
    return "; ".join(lines)


def _extras(result: Result) -> str:
    out = ""
    if result.get("unmatched"):
        out += f" Not logged (not recognised): {', '.join(result['unmatched'])}."
    if result.get("questions"):
        out += " " + " ".join(result["questions"])
    return out


def _log(result: Result) -> str:
    if result.get("status") != "logged":
        return f"Nothing was logged: {result.get('reason')}{_extras(result)}"
    what = result.get("slot") or "meal"
    return (f"Logged {what} for {result['date']}: {_items(result['items'])}. "
            f"Total: {macros(result['totals'])}.{_extras(result)}")  # fmt: skip


def _update(result: Result) -> str:
    status = result.get("status")
    if status == "not_found":
        return "I could not find that meal, so nothing was changed."
    if status != "updated":
        return f"The meal was not changed: {result.get('reason')}"
    return (f"Updated the meal: {_items(result['items'])}. Total now: {macros(result['totals'])} "
            f"(was {macros(result['previous_totals'])}).{_extras(result)}")  # fmt: skip


def _delete(result: Result) -> str:
    if result.get("status") != "deleted":
        return "I could not find that meal, so nothing was deleted."
    what = result.get("slot") or "meal"
    figures = macros(result["totals"])
    return f'Deleted the {what} "{result["text"]}" ({figures}) of {result["date"]}.'


def _list(result: Result) -> str:
    if not result.get("meal_count"):
        return f"No meals are logged for {result['date']}."
    lines = [f"- {m.get('slot') or 'meal'}: {m['text']} ({macros(m['totals'])})"
             for m in result["meals"]]  # fmt: skip
    head = f"{result['date']}: {result['meal_count']} meal(s)."
    return "\n".join([head, *lines, f"Total: {macros(result['totals'])}."])


def _summary(result: Result) -> str:
    text = f"{result['date']}: {result['meal_count']} meal(s), {macros(result['totals'])}."
    if not result.get("targets"):
        return text + " Set your profile (age, sex, height, weight, activity, goal) for targets."
    parts = []
    for key, unit, label in MACROS:
        target, left = result["targets"].get(key), result["remaining"].get(key)
        eaten = num(result["totals"].get(key, 0))
        state = f"{num(left)} {unit} left" if left >= 0 else f"{num(abs(left))} {unit} over"
        parts.append(f"{label.strip() or 'energy'} {eaten} of {num(target)} {unit} ({state})")
    return text + " Against your targets: " + "; ".join(parts) + "."


def _profile(result: Result) -> str:
    status = result.get("status")
    if status == "no_profile":
        return ("You have not set a profile yet. Tell me your age, sex, height, weight, "
                "activity level and goal.")  # fmt: skip
    if status == "incomplete":
        return f"I still need your {', '.join(result['missing'])}; nothing was saved."
    if status == "invalid":
        return "Nothing was saved: " + "; ".join(result["errors"]) + "."
    p, t = result["profile"], result["targets"]
    head = f"Saved ({', '.join(result['changed'])}). " if status == "saved" else ""
    if result.get("defaulted"):
        assumed = ", ".join(f"{key} {p[key]}" for key in result["defaulted"])
        head += f"Not stated, so assumed: {assumed}. "
    return (f"{head}Your profile: {p['sex']}, {p['age_years']} years, {num(p['height_cm'])} cm, "
            f"{num(p['weight_kg'])} kg, activity {p['activity_level']}, goal {p['goal']}. "
            f"Daily targets: {macros(t)} (BMR {num(t['bmr_kcal'])} kcal, "
            f"TDEE {num(t['tdee_kcal'])} kcal).")  # fmt: skip


def _analysis(result: Result) -> str:
    items = [i for i in result.get("items", []) if i.get("status") == "matched"]
    missing = [i["phrase"] for i in result.get("items", []) if i.get("status") != "matched"]
    text = f"{_items(items)}. Total: {macros(result.get('totals', {}))}." if items else ""
    if missing:
        text += f" Not found: {', '.join(missing)}."
    return (text.strip() or "I recognised no food there.") + " (Not logged.)"


def _search(result: Result) -> str:
    hits = result.get("hits", [])
    if not hits:
        return "I found no matching food."
    lines = [f"{n}. {h['name']}: {macros(h.get('nutrients', {}))}" for n, h in enumerate(hits, 1)]
    return "Per 100 g:\n" + "\n".join(lines)


COMPOSERS: dict[str, Callable[[Result], str]] = {
    "log_meal": _log, "update_meal": _update, "delete_meal": _delete, "list_meals": _list,
    "daily_summary": _summary, "get_profile": _profile, "set_profile": _profile,
    "analyze_meal": _analysis, "search_foods": _search,
}  # fmt: skip


def compose(tool: str, result: Result) -> str:
    """The reply sentence(s) for one tool result."""
    status = result.get("status")
    if status == "cancelled":
        return CANCELLED.get(tool, "OK, I did not do that.")
    if status == "error":
        return f"That did not work ({tool}): {result.get('error')}. Nothing was changed."
    composer = COMPOSERS.get(tool)
    if composer is None:
        return f"The {tool} tool answered, but I cannot summarise its result."
    try:
        return composer(result)
    except (KeyError, TypeError, AttributeError):
        return f"The {tool} tool gave a result I could not read."
