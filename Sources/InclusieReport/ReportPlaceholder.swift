/// Placeholder until the HTML report lands; replaced by the report builder.
enum ReportPlaceholder {}
