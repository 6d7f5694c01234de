#!/usr/bin/env python3
"""Writes a synthetic utterances file shaped like homework-utterances/utterances.jsonl for the
speed benchmark: therapist turns built from templates (assignments, reviews, in-room work,
scheduling, chit-chat), some as speech recognition writes them. The phrasings are made up here,
not taken from the development data; the labels are not meant for scoring, only the shape.

usage: generate.py --lines 200000 --output FILE [--seed 1]"""
import argparse, json, random

TASKS = [
    ("skill_practice", ["practise the box breathing", "run through the grounding steps", "do the body scan recording",
                        "use the calm-down script", "rehearse the opening line", "try the urge surfing",
                        "go through the coping card", "do the progressive relaxation"]),
    ("action", ["walk round the block", "call your cousin", "sit in the cafe for ten minutes", "go to the corner shop",
                "text your friend about lunch", "ride the bus two stops", "put the phone in the hall at night",
                "cook one proper dinner"]),
    ("journaling", ["fill in the mood tracker", "note down the worries on the log", "rate your sleep on the chart",
                    "write the thought in the first column", "keep a tally of the checking", "log the cravings in the app"]),
    ("learning", ["read the handout on panic", "watch the short clip on avoidance", "listen to the episode on grief",
                  "go through module two on the portal", "look over the booklet on sleep"]),
]
WHEN = ["this week", "every evening", "twice a day", "on Saturday morning", "before we next meet", "each time it happens",
        "when you get a chance", "over the weekend", "after lunch on weekdays", "tonight", "now and then"]
OPENERS = ["So for the coming week,", "Here's what I'd suggest:", "Could you", "Would you be up for trying to",
           "What I'd like is for you to", "Maybe", "If you can,", "Let's have you", "Between now and then,", "Okay so"]
REVIEWS = ["How did you get on with the {t}?", "Did you manage the {t} in the end?", "Tell me about the {t} — what happened?",
           "So you had a go at the {t}. What did you notice?", "What got in the way of the {t}?",
           "Last time we said you'd {v}. How was that?"]
OTHER = ["What's been on your mind since we spoke?", "That sounds really hard.", "Let's try it here, together, right now.",
         "Shall we keep Wednesday at ten?", "I'll send the link before the call.", "How are you feeling about the move?",
         "Some folks find writing things down useful, others don't.", "Take a breath. There's no rush.",
         "Let's map it out on the board before you go.", "What would your best friend say about that?",
         "I can hear how tired you are.", "See you on the twelfth.", "What does that bring up for you?"]
CONTEXTS = ["I kind of did it, not every day.", "Work has been a nightmare.", "I forgot all about it, sorry.",
            "I managed it three times!", "My sister came round on Sunday.", "I don't really know where to start.",
            "Can we move next week's session?", "The tracker was a bit of a pain.", "I'm so tired of feeling like this.",
            "I read some of it on the train.", "", "Things are a bit better, I think."]
FILLERS = ["um", "uh", "you know", "like", "I mean", "so"]


def speech_like(text, rnd):
    words = []
    for w in text.lower().replace(",", " ").replace(".", " ").replace("?", " ").replace("—", " ").replace(":", " ").split():
        if rnd.random() < 0.07:
            words.append(rnd.choice(FILLERS))
        words.append(w)
    return " ".join(words)


def utterance(i, rnd):
    kind = rnd.random()
    category, specific, assigns, reviews = None, None, False, False
    if kind < 0.35:
        category, tasks = rnd.choice(TASKS)
        task, when = rnd.choice(tasks), rnd.choice(WHEN)
        opener = rnd.choice(OPENERS)
        text = f"{opener} {task} {when}." if not opener.startswith(("Could", "Would")) else f"{opener} {task} {when}?"
        assigns, specific = True, when not in ("this week", "before we next meet", "when you get a chance", "now and then")
    elif kind < 0.55:
        _, tasks = rnd.choice(TASKS)
        task = rnd.choice(tasks)
        text = rnd.choice(REVIEWS).format(t=task.split(" ", 1)[1], v=task)
        reviews = True
    else:
        text = rnd.choice(OTHER)
    if rnd.random() < 0.25:
        text = speech_like(text, rnd)
    context = rnd.choice(CONTEXTS)
    return {"id": f"bench-{i:07d}", "context": context, "speaker": "therapist", "text": text,
            "assigns_homework": assigns, "reviews_homework": reviews, "category": category, "specific": specific}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=200000)
    parser.add_argument("--output", required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    with open(args.output, "w", encoding="utf-8") as f:
        for i in range(1, args.lines + 1):
            f.write(json.dumps(utterance(i, rnd), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
