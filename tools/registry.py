"""Which tools the coach offers, and how their server-side arguments are filled in.

Adding a tool module is one line in :data:`TOOL_MODULES` ("module:ATTRIBUTE" naming a
list of tools). A tool hides server-side parameters from the model with
``InjectedToolArg``; :func:`call_tool` fills them by *name* from the services the graph
holds (``user_id``, ``db``, ``analyzer``, ``search``, ``today``), so a new tool only has
to use those names.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import Any

from langchain_core.tools import BaseTool
from pydantic import BaseModel

TOOL_MODULES: tuple[str, ...] = (
    "tools.nutrition:NUTRITION_TOOLS",
    "tools.coach:DIARY_TOOLS",
    "tools.coach_profile:PROFILE_TOOLS",
)


def load_tools(specs: Iterable[str] = TOOL_MODULES) -> list[BaseTool]:
    """Import every listed tool list; duplicate tool names are an error."""
    found: dict[str, BaseTool] = {}
    for spec in specs:
        module_name, _, attribute = spec.partition(":")
        for item in getattr(importlib.import_module(module_name), attribute):
            if not isinstance(item, BaseTool):
                raise TypeError(f"{spec} holds {item!r}, not a tool")
            if item.name in found:
                raise ValueError(f"tool name {item.name!r} is registered twice")
            found[item.name] = item
    return list(found.values())


def _schema_fields(tool: BaseTool) -> dict[str, bool]:
    """Every parameter of the tool (model-facing and injected) → whether it is required."""
    schema = tool.args_schema
    if isinstance(schema, type) and issubclass(schema, BaseModel):
        return {name: field.is_required() for name, field in schema.model_fields.items()}
    if isinstance(schema, dict):
        required = set(schema.get("required", ()))
        return {name: name in required for name in schema.get("properties", {})}
    return {}


def injected_names(tool: BaseTool) -> dict[str, bool]:
    """The parameters the model never sees → whether the tool requires them."""
    visible = set(tool.args)
    return {k: req for k, req in _schema_fields(tool).items() if k not in visible}


def check_services(tools: Iterable[BaseTool], services: Iterable[str]) -> None:
    """Fail at start-up, not mid-conversation, when a tool needs a service nobody provides."""
    have = set(services)
    for tool in tools:
        missing = {k for k, req in injected_names(tool).items() if req and k not in have}
        if missing:
            raise LookupError(f"tool {tool.name!r} needs {sorted(missing)}, not provided")


async def call_tool(tool: BaseTool, args: Mapping[str, Any], services: Mapping[str, Any]) -> Any:
    """Run ``tool`` with the model's arguments plus its injected ones (which always win)."""
    injected = {k: services[k] for k in injected_names(tool) if k in services}
    return await tool.ainvoke({**args, **injected})
