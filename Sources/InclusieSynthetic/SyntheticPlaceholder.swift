/// Placeholder until the synthetic plugin generator lands.
enum SyntheticPlaceholder {}
