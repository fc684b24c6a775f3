"""Michoacán: the Congress's law catalogue (WordPress, Themify PTB) (``laws``)."""
