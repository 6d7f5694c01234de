/**
 * The worksheet definition format's machinery (internal to {@code worksheets}): reading a JSON document into a
 * definition ({@link app.carryover.worksheets.definition.DefinitionReader}) and writing it back, the rules a
 * definition must keep (its items, conditions and values), the value formulas and their parser, and the JSON mapper.
 * Other modules use {@link app.carryover.worksheets.WorksheetDefinitions} and
 * {@link app.carryover.worksheets.WorksheetDefinition}.
 */
package app.carryover.worksheets.definition;
