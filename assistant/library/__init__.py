"""Library folders: every supported file in the folders the user added, kept indexed."""
