import InclusieComparison

// The view types with the most instances, written as JSON by hand (`JSONHandWritten`): at 3,420
// municipalities, 226,000 theme matrix cells and 45,000 proposals and matches. Keys in sorted order, as
// `JSONEncoder` sorts them; the tests compare every view's bytes with `JSONEncoder`'s.

extension CoverageMatrix.Cell: JSONHandWritten {
    func writeJSON(into output: JSONOutput, depth: Int) {
        var object = JSONObjectWriter(output: output, depth: depth)
        object.number("count", count)
        object.texts("localLabels", localLabels)
        object.number("primaryCount", primaryCount)
        object.text("programme", programme)
        object.close()
    }
}

extension ProposalCoverage.Proposal: JSONHandWritten {
    func writeJSON(into output: JSONOutput, depth: Int) {
        var object = JSONObjectWriter(output: output, depth: depth)
        object.objects("matches", matches)
        object.text("number", number)
        object.text("primaryThemeID", primaryThemeID)
        object.text("primaryThemeLabel", primaryThemeLabel)
        object.text("proposalID", proposalID)
        object.text("quote", quote)
        object.texts("secondaryThemeIDs", secondaryThemeIDs)
        object.text("sectionNumber", sectionNumber)
        object.text("sectionTitle", sectionTitle)
        object.texts("targetGroupIDs", targetGroupIDs)
        object.text("title", title)
        object.text("verdict", verdict.rawValue)
        object.text("verdictLabel", verdictLabel)
        object.close()
    }
}

extension ProposalCoverage.Match: JSONHandWritten {
    func writeJSON(into output: JSONOutput, depth: Int) {
        var object = JSONObjectWriter(output: output, depth: depth)
        object.text("itemID", itemID)
        object.text("itemLabel", itemLabel)
        object.text("itemNativeType", itemNativeType)
        object.text("itemStatus", itemStatus)
        object.text("itemStatusLabel", itemStatusLabel)
        object.text("quote", quote)
        object.text("reason", reason.rawValue)
        object.text("section", section)
        object.texts("sharedTargetGroupIDs", sharedTargetGroupIDs)
        object.texts("sharedThemeIDs", sharedThemeIDs)
        object.text("strength", strength.rawValue)
        object.close()
    }
}
