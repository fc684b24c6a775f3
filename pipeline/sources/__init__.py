"""Sources: one package per official source, grouped by level.

- ``federal/``: LeyesBiblio (Cámara de Diputados), the DOF (SIDOF JSON, dof.gob.mx, legacy web service), SIL.
- ``national/``: compilations that cover all 32 states (Orden Jurídico Nacional, SCJN legislation).
- ``states/<code>/``: one package per state (``laws``, ``bills``, ``gazette`` modules as they exist);
  ``states/_platforms/`` holds site technologies several states share.
- ``kit/``: the page kit every source is written with. ``discovery``: finds every module defining ``SOURCE``.
"""
