from typing import Annotated

import pytest
from langchain_core.tools import InjectedToolArg, tool

from tools.registry import TOOL_MODULES, call_tool, check_services, load_tools


def test_registry_loads_every_listed_module_once() -> None:
    names = [t.name for t in load_tools()]
    assert len(names) == len(set(names)) == 9
    assert len(TOOL_MODULES) == 3


def test_duplicate_tool_names_are_refused() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        load_tools([*TOOL_MODULES, "tools.coach:DIARY_TOOLS"])


def test_missing_services_fail_at_start_up() -> None:
    with pytest.raises(LookupError, match="analyze_meal.*analyzer"):
        check_services(load_tools(), ["user_id", "today", "search"])
    check_services(load_tools(), ["user_id", "today", "search", "db", "analyzer"])


async def test_injected_arguments_override_what_the_model_sends() -> None:
    @tool
    async def whoami(note: str, user_id: Annotated[str, InjectedToolArg]) -> str:
        """Echo the caller.

        Args:
            note: Anything.
            user_id: Injected.
        """
        return f"{user_id}:{note}"

    result = await call_tool(whoami, {"note": "hi", "user_id": "attacker"}, {"user_id": "alice"})
    assert result == "alice:hi"
