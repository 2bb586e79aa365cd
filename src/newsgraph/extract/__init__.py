"""One module per kind of fact; each is a function from a parsed Doc (and facts so far) to facts."""
