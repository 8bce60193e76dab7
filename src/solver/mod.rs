//! The rota engine: a general rostering problem, its solver and its independent checker.
