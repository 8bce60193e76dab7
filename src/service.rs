//! Core-and-flexi services: shared core staffing and each resident's flexi allocation.
