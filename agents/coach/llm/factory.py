"""Pick the coach's chat model from settings.

Backends import lazily: the offline engine must not pay for transformers or an HTTP stack,
and the local backend pulls in torch only when chosen.
"""

from __future__ import annotations

from typing import assert_never

from langchain_core.language_models import BaseChatModel

from nutriprofile.settings import LLMSettings


def build_chat_model(settings: LLMSettings) -> BaseChatModel:
    """The chat model for ``settings.backend``.

    ``offline`` is the deterministic built-in engine; ``huggingface`` calls Inference
    Providers (or ``endpoint_url``) with retries and a fallback model; ``local`` runs a
    transformers checkpoint from ``local_model_dir``.

    Raises:
        ValueError: The chosen backend is missing its configuration.
    """
    model: BaseChatModel
    if settings.backend == "offline":
        from agents.coach.llm.offline import OfflineCoachModel

        model = OfflineCoachModel()
    elif settings.backend == "huggingface":
        from agents.coach.llm.huggingface import build_huggingface_model

        model = build_huggingface_model(settings)
    elif settings.backend == "local":
        from agents.coach.llm.local import build_local_model

        model = build_local_model(settings)
    else:
        assert_never(settings.backend)
    return model
