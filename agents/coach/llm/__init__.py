"""Chat-model backends of the coach: the offline rule engine and the model factory."""

from agents.coach.llm.factory import build_chat_model

__all__ = ["build_chat_model"]
