"""Speed goals, measured on the bundled questionnaire: `make bench` prints a table."""
