"""A chat model served from a local transformers checkpoint, with no network at all.

For machines without an inference account (or without internet): ``ChatHuggingFace`` over a
``HuggingFacePipeline`` ("text-generation") loaded from ``settings.local_model_dir``. The
model answers in plain text; it does not emit structured tool calls.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from langchain_core.callbacks import AsyncCallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage, ToolMessage
from langchain_core.outputs import ChatGenerationChunk, ChatResult
from langchain_huggingface import ChatHuggingFace, HuggingFacePipeline

from nutriprofile.settings import LLMSettings

MAX_NEW_TOKENS = 512

PLAIN_CHAT_TEMPLATE = (
    "{% for message in messages %}{{ message['role'] }}: {{ message['content'] }}\n"
    "{% endfor %}{% if add_generation_prompt %}assistant:{% endif %}"
)
"""Used when a checkpoint ships no chat template (base models, tiny test models)."""


class LocalChatHuggingFace(ChatHuggingFace):
    """``ChatHuggingFace`` whose async calls run the pipeline in a worker thread.

    Upstream raises on async generation with a pipeline, and the coach graph only awaits;
    the base-class defaults (``run_in_executor`` over the sync path) are exactly right.
    """

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        stream: bool | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        return await BaseChatModel._agenerate(self, messages, stop, run_manager, **kwargs)

    async def _astream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        *,
        stream_usage: bool | None = None,
        **kwargs: Any,
    ) -> AsyncIterator[ChatGenerationChunk]:
        async for chunk in BaseChatModel._astream(self, messages, stop, run_manager, **kwargs):
            yield chunk

    def _to_chatml_format(self, message: BaseMessage) -> dict[str, Any]:
        """Also accept tool results, which a conversation may carry from another backend."""
        if isinstance(message, ToolMessage):
            return {"role": "tool", "content": message.content}
        result: dict[str, Any] = super()._to_chatml_format(message)
        return result


def build_local_model(
    settings: LLMSettings, *, max_new_tokens: int = MAX_NEW_TOKENS
) -> LocalChatHuggingFace:
    """Load tokenizer and causal LM from ``settings.local_model_dir`` (local files only).

    Generation is greedy and capped at ``settings.timeout_s`` seconds (``max_time``).

    Raises:
        ValueError: No model directory is configured or it does not exist.
    """
    model_dir = settings.local_model_dir
    if model_dir is None or not model_dir.is_dir():
        raise ValueError(f"local backend needs NUTRI_LLM__LOCAL_MODEL_DIR (got {model_dir})")
    from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

    tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
    if tokenizer.chat_template is None:
        tokenizer.chat_template = PLAIN_CHAT_TEMPLATE
    model = AutoModelForCausalLM.from_pretrained(model_dir, local_files_only=True)
    generator = pipeline(
        "text-generation",
        model=model,
        tokenizer=tokenizer,
        max_new_tokens=max_new_tokens,
        max_time=settings.timeout_s,
        do_sample=False,
        return_full_text=False,
    )
    llm = HuggingFacePipeline(pipeline=generator, model_id=str(model_dir))
    return LocalChatHuggingFace(llm=llm, tokenizer=tokenizer, model_id=str(model_dir))
