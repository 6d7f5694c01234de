/**
 * Language utilities shared by the text features (the quality coach and the transcript audit):
 * sentence splitting, tokens, part-of-speech tags and lemmas from Apache OpenNLP's English models,
 * which ship on the classpath as Maven artifacts; nothing is downloaded at run time.
 * A plain library: it needs neither the server nor the database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Language", allowedDependencies = {})
package app.carryover.language;
