"""The entity tables' audit: a seeded sample to hand-check, and the checks a machine can make."""
