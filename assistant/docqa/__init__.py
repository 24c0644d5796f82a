"""Ask your documents: answers from the stored documents with citations that code verifies."""
