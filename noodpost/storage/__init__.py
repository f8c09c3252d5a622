"""SQLAlchemy models, the engine with its pragmas, the unit of work and the projection."""
