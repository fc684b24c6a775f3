"""San Luis Potosí: the Congress's law catalogue (Drupal 7 view) (``laws``)."""
