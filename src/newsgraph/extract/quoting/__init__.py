"""Quote attribution in parts: quotation marks, cues, direct and indirect speech, outlets."""
