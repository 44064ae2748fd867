"""Load: the only code that reads the project's files, turning them into the model and findings."""
