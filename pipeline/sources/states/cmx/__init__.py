"""Ciudad de México: the Consejería Jurídica's official compilation of laws (``laws``)."""
