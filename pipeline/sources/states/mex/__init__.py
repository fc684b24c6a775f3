"""Estado de México: the executive's legislation portal (Drupal accordion) (``laws``)."""
