"""Language-model engines: in-process llama.cpp and OpenAI-compatible HTTP servers."""

from assistant.llm.engine import LLMEngine, create_engine
from assistant.llm.params import ChatMessage, DeviceInfo, GenParams

__all__ = ["ChatMessage", "DeviceInfo", "GenParams", "LLMEngine", "create_engine"]
