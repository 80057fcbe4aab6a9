"""Demo data for Si Mbois Ker: a believable Kota Malang register, built by ``manage.py seed_demo``.

``data`` holds the names and wording, ``planner`` turns them into agreement specs (pure Python,
deterministic), ``pdfs`` renders the files and ``builder`` writes everything to the database;
``proposals`` drives the demo proposals and requests from outside through the real services.
"""
