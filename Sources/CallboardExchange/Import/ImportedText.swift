import CallboardCore

/// Text from someone else's file is cleaned by the same rule as all text entering the store.
public typealias ImportedText = StoredText
