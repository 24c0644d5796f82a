"""`deskmate eval`: task quality of the pipeline against plain prompting of the same model."""
