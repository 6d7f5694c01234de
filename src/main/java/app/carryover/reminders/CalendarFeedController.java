package app.carryover.reminders;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;

/** The calendar feed's address: public, its secret the only key (404 for any other). */
@RestController
class CalendarFeedController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;

    CalendarFeedController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @Access(AccessRule.PUBLIC)
    @GetMapping("/calendar/{secret}.ics")
    ResponseEntity<String> feed(@PathVariable String secret) {
        return ResponseEntity.ok().contentType(CALENDAR).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "inline; filename=\"carryover.ics\"").body(feeds.feed(secret));
    }
}
