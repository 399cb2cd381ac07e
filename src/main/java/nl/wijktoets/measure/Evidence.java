package nl.wijktoets.measure;

import nl.wijktoets.source.SourceLocation;

/**
 * Where a measure read a value: the YAML path and its place in the file (absent when not read from
 * the file).
 */
public record Evidence(String path, SourceLocation location) {}
