#!/usr/bin/env python3
"""Development material for issue 19: sessions outside the CBT clinic, as transcribed speech.

Written for this project (no line is taken from any published transcript). Every line below was
written by hand with its label, following ../shared/data/LABELING.md, before any detector saw it;
this script only strings the hand-written pieces into sessions (with the odd filler, stutter or
"gonna" a transcriber keeps) and writes them out:

    python3 src/test/resources/transcripts/settings/source/dev.py

writes src/test/resources/transcripts/settings/dev/{sessions/*.txt, sessions/labels.jsonl,
sessions/sessions.jsonl, utterances.jsonl}.

Label marks on therapist lines: None = neither; "A cat spec" = assigns (category, specific y/n);
"R" = reviews; "RA cat spec" = both. Categories: skill (skill_practice), action, journal (journaling),
learn (learning).

Half the sessions set no homework and review none: they are made of the turns that sound like
advice but set nothing (risks and guidelines, reflections of what the client already does, the
counsellor's role, what might be discussed later, readiness and confidence questions).
"""
import json
import os
import random

CAT = {"skill": "skill_practice", "action": "action", "journal": "journaling", "learn": "learning"}

# ---------------------------------------------------------------- shared negative turns
OPENINGS = [
    "Hi, come on in, take a seat. How are you doing?",
    "Hello, thanks for coming in. So, um, what brings you in today?",
    "Come in, come in. Sorry about the wait, it's been one of those mornings.",
    "Hiya. Have a seat wherever you like. How's — how's things?",
    "Morning. Right, so I've got about fifteen minutes, is that okay?",
    "Hi there. I'm one of the — I'm the nurse here, I do the, uh, the lifestyle checks.",
    "Thanks for waiting. So the doctor asked me to have a quick chat with you, is that alright?",
    "Hi. Good to see you again. How've you been since — since we last met?",
]
ROLE = [
    "So my job isn't to tell you what to do. It's more to, um, hear where you're at with it.",
    "I'm not gonna lecture you, that's not what this is. It's your decision at the end of the day.",
    "What I usually do in these appointments is ask a few questions and — and just see what you make of it all.",
    "I should say, anything you tell me stays between us, unless I was worried about your safety.",
    "Some people find it helpful just to talk it through, some don't, and that's fine either way.",
    "I'm here to support you whatever you decide, you know, that's — that's my role.",
    "So part of what I do is help people think about whether they want to change anything. No pressure.",
]
READINESS = [
    "On a scale of nought to ten, how important is it to you right now to {change}?",
    "And if you did decide to {change}, how confident are you that you — that you could?",
    "Why a six and not, say, a three?",
    "What would have to happen for that to go from a five up to a seven?",
    "Is this something you're ready to look at, or is it not really the right time?",
    "How do you feel about {change}? Like honestly.",
    "What do you reckon would be the hardest part, if you were to {change}?",
    "Where are you with it — are you thinking about it, or not really?",
]
FUTURE = [
    "We could maybe look at that more next time, if you wanted to.",
    "At some point we might talk about some other options, but, um, not today.",
    "There's groups and things too, we can talk about that down the line if it ever feels right.",
    "That's something we could come back to another day.",
    "Maybe in a few weeks we'll see where things are at and go from there.",
]
CLOSINGS = [
    "Okay, so I'll see you in — in a fortnight, same time?",
    "Reception'll book you in for four weeks' time.",
    "Let's get you booked in for a follow-up, and if anything comes up before, just ring.",
    "Right, I'll let you go. Thanks for being so, uh, so open today.",
    "Good. Take care, and I'll see you next month.",
    "Okay. Lovely to meet you. Take care of yourself.",
]
CLIENT_FILLER = [
    "Yeah.", "Mm-hm.", "Okay.", "Right.", "I guess.", "Yeah, I suppose.", "Mm.", "Sure.", "Uh-huh.",
    "I dunno really.", "Yeah, that makes sense.", "Okay, yeah.",
]
CLIENT_OPENERS = [
    "Yeah, alright. Bit tired.", "Not bad, not bad.", "Okay I think. Busy.", "Bit stressed, to be honest.",
    "Fine. The doctor said I should come and see you.", "Yeah, good thanks.",
]

# ---------------------------------------------------------------- settings
# change: the behaviour in "how important is it to ..."; psy: risks and guidelines (nothing set);
# refl: reflections of what the client already does (nothing set); client: the client's talk;
# tasks: scripts setting a task, each a list of (speaker, text, mark); reviews: scripts reviewing
# one set earlier; negs: setting-specific advice-like turns that set nothing.
SETTINGS = {}

SETTINGS["alcohol-gp"] = dict(
    title="Alcohol brief intervention, general practice",
    change="cut down on the drinking",
    psy=[
        "So the guidelines say no more than fourteen units a week, and spread over three or more days.",
        "A pint of strong lager's about three units, so it — it adds up quicker than people think.",
        "Drinking at that level does push your blood pressure up, and your liver numbers were a bit high.",
        "Alcohol's also a depressant, so it can make the low mood worse the next day, that's quite common.",
        "Most people who drink over the limit don't feel any different, that's — that's the tricky bit.",
        "Your score on that questionnaire puts you in what we'd call the increasing-risk range.",
    ],
    refl=[
        "So you already keep Mondays and Tuesdays dry. That's — that's really something.",
        "It sounds like the weekends are when it really ramps up, with your mates.",
        "So you've noticed you sleep worse after a heavy night.",
        "You're saying you don't drink at home, it's mostly the pub after work.",
    ],
    negs=[
        "Some people find it helps to have a soft drink in between, but everyone's different.",
        "Cutting down gradually is usually safer than stopping all at once, at your level.",
        "What do you enjoy about drinking? What's the good side of it for you?",
        "And what's the not-so-good side?",
    ],
    client=[
        "I mean I don't think I drink that much. Everyone I know drinks more.",
        "It's mainly Friday and Saturday. Maybe eight pints. Maybe — maybe more on a Saturday.",
        "My wife's been on at me about it.",
        "I did wake up feeling rough most Sundays, yeah.",
        "I've got a stag do coming up in a few weeks so that's gonna be, you know.",
    ],
    tasks=[
        [("T", "So what would you think about — about maybe just having two, two dry days at the weekend as well?", "A action n"),
         ("C", "Both days? I dunno —", None),
         ("T", "Or one. What feels doable?", None),
         ("C", "Maybe Sunday. Sunday I could do.", None),
         ("T", "So Sundays alcohol-free from now till I see you. That okay?", "A action y"),
         ("C", "Yeah. Yeah, okay.", None)],
        [("T", "Could you — this might sound a bit naff — could you jot down every drink you have over the next two weeks? There's a little card, I'll give you one.", "A journal y"),
         ("C", "Like every single one?", None),
         ("T", "Every single one, with the day. Doesn't matter if it's a lot, it's just so we can see.", "A journal y"),
         ("C", "Alright.", None)],
        [("T", "One thing you could try is, um, switching to the — the lower strength stuff, the four percent.", "A action n"),
         ("C", "Yeah I could do that I suppose.", None),
         ("T", "Just on the Friday to start with, and see how you get on.", "A action y"),
         ("C", "Okay.", None)],
        [("T", "And I'd like you to have a read of this leaflet, it's got the unit thing on it, when you get a minute.", "A learn n"),
         ("C", "Yeah no problem.", None)],
    ],
    reviews=[
        [("T", "Last time we talked about having Sundays dry. How did that — how's that been going?", "R"),
         ("C", "Three out of four. The one I missed was the football.", None),
         ("T", "Three out of four. And how did you feel on the Mondays after?", "R"),
         ("C", "Better, honestly. Less foggy.", None)],
        [("T", "Did you manage to fill in the drinks card at all?", "R"),
         ("C", "Sort of. I forgot the weekend — I mean I forgot to write the weekend down.", None),
         ("T", "That's fine, what did you notice from the bits you did write?", "R"),
         ("C", "That it's more than I thought during the week.", None)],
    ],
)

SETTINGS["smoking"] = dict(
    title="Stop-smoking clinic, practice nurse",
    change="stop smoking",
    psy=[
        "Most of the harm's from the tar and the carbon monoxide, not the nicotine itself.",
        "Your carbon monoxide reading today was twenty-two, which is, um, pretty high.",
        "People are about three times more likely to quit with the patches and support than on their own.",
        "The cravings usually peak in the first two weeks and then they — they ease off.",
        "Vapes are a lot less harmful than smoking, though they're not completely risk-free.",
        "Smoking does make the asthma worse, that's — that's well known.",
    ],
    refl=[
        "So you don't smoke in the house because of the kids. That's already a big step.",
        "You've cut down to about ten a day on your own, that's — wow, that's good going.",
        "It sounds like the first one in the morning is the one you'd really miss.",
        "So you've quit before, for nearly a year, after your daughter was born.",
    ],
    negs=[
        "A lot of people find they put on a bit of weight when they stop, that's normal.",
        "Some people use the gum, some like the inhalator, there's quite a few options.",
        "What made you want to come in now, at this point?",
        "What did you find helped last time you stopped?",
    ],
    client=[
        "I've been smoking since I was fourteen. It's just what I do.",
        "About fifteen a day. More if work's bad.",
        "The kids keep asking me to stop.",
        "I tried the vape but it just — it wasn't the same.",
        "I'm worried I'll be a nightmare to live with.",
    ],
    tasks=[
        [("T", "So shall we set a quit date? Maybe — what about next Monday?", "A action y"),
         ("C", "Monday's — um, Monday's my birthday actually.", None),
         ("T", "Ha, okay, not Monday then. Tuesday?", None),
         ("C", "Tuesday's fine.", None),
         ("T", "So Tuesday the twelfth, no cigarettes from when you wake up. And start the patch that morning, yeah?", "A action y"),
         ("C", "Yeah okay.", None)],
        [("T", "Between now and the quit date, could you — what I'd like is for you to write down each cigarette, what time and what you were doing.", "A journal y"),
         ("C", "That's a lot of writing.", None),
         ("T", "Just a tick and a word. On the back of your fag packet if you like.", "A journal y"),
         ("C", "Ha. Okay.", None)],
        [("T", "When the cravings come, try the — the four breaths thing we just did, slow in, slow out, before you reach for anything.", "A skill y"),
         ("C", "Right, yeah.", None)],
        [("T", "Maybe get rid of the lighters and the ashtrays before Tuesday —", "A action y"),
         ("C", "My partner still smokes though.", None),
         ("T", "— well, yours at least. Your ones, out of the car and your coat.", "A action y"),
         ("C", "Yeah I can do that.", None)],
    ],
    reviews=[
        [("T", "So how did the quit date go? Did you — did you manage the Tuesday?", "R"),
         ("C", "I did! Two days without. Then I had one at the pub.", None),
         ("T", "Two days, that's great. What happened at the pub?", "R"),
         ("C", "Just everyone was going out for one, you know.", None)],
        [("T", "How have you been getting on with the patches?", "R"),
         ("C", "They itch a bit. I've been putting them on my arm.", None),
         ("T", "Try moving it round each day, different spot. Any vivid dreams?", "R"),
         ("C", "God, yes.", None)],
    ],
)

SETTINGS["cannabis-ed"] = dict(
    title="Brief intervention in the emergency department, cannabis and alcohol",
    change="cut back on the weed",
    psy=[
        "Strong skunk can bring on paranoia in some people, especially with not much sleep.",
        "Mixing it with drink does make it more likely you end up somewhere like — like here.",
        "Your heart rate was up when you came in, that's the kind of thing it can do.",
        "For young people the brain's still developing till about twenty-five, so it hits harder.",
        "A lot of people your age use sometimes, most don't end up in A and E, so that's worth thinking about.",
    ],
    refl=[
        "So you only smoke at weekends, at your mate's.",
        "You're saying last night was different from usual — it was a lot stronger than you're used to.",
        "It sounds like it mostly helps you get to sleep.",
        "So you already stopped smoking it before college, you only do it after.",
    ],
    negs=[
        "I'm not here to judge, honestly. I just see a lot of people in here on a Saturday night.",
        "There's a young people's drug service if you ever wanted it, they're pretty relaxed.",
        "What do you think about what happened last night?",
        "How did you end up coming in, do you remember?",
    ],
    client=[
        "I just had a bad one. It was way stronger than normal.",
        "My mum's gonna kill me.",
        "I don't really want to talk about it, I just want to go home.",
        "It's not like I'm addicted or anything.",
        "I dunno. Just with my friends mostly.",
    ],
    tasks=[
        [("T", "Would you be up for maybe — just for the next couple of weeks — not smoking on a school night?", "A action y"),
         ("C", "I don't really on school nights anyway. Like, only sometimes.", None),
         ("T", "So no weed Sunday to Thursday, just to see how you sleep. Deal?", "A action y"),
         ("C", "Yeah, deal.", None)],
        [("T", "Can you promise me one thing, that if you do smoke, you don't mix it with drink? Just the one or the other.", "A action y"),
         ("C", "Yeah. Yeah that was stupid.", None)],
        [("T", "I'm gonna give you this card, it's the young people's service — could you give them a ring this week, even just to ask?", "A action n"),
         ("C", "Maybe.", None),
         ("T", "What about before Friday? You could do it on the bus.", "A action y"),
         ("C", "Okay, before Friday.", None)],
    ],
    reviews=[
        [("T", "So this is the follow-up call, from when you were in A and E. Did you manage the school nights thing?", "R"),
         ("C", "Mostly. I had one on the Wednesday but that was it.", None),
         ("T", "And how's the sleep been?", "R"),
         ("C", "Actually better I think.", None)],
    ],
)

SETTINGS["medication"] = dict(
    title="Medication adherence review, pharmacy and GP",
    change="take the tablets every day",
    psy=[
        "The amlodipine works best when it's taken at roughly the same time every day.",
        "The antidepressant usually takes about four to six weeks to really kick in.",
        "If you stop it suddenly you can get these — these dizzy, fluey feelings, which is why we taper.",
        "Metformin can upset the stomach at first, that usually settles after a couple of weeks.",
        "High blood pressure mostly has no symptoms, which is why people stop taking it, they feel fine.",
        "Statins cut your risk of a heart attack by about a third, roughly.",
    ],
    refl=[
        "So you're taking the morning ones fine, it's the evening dose you forget.",
        "You've been halving the tablets yourself because of the side effects.",
        "It sounds like you're not sure it's doing anything.",
        "You already use the alarm on your phone for the morning one.",
    ],
    negs=[
        "Some people find a dosette box helps, some find it a faff, it depends.",
        "Have you got any questions about what they're for?",
        "How many days a week would you say you actually take it?",
        "What do you think about taking tablets long term?",
    ],
    client=[
        "I just forget. Especially at the weekend.",
        "They make me feel a bit sick, to be honest.",
        "I don't like taking tablets. My dad was on loads.",
        "I feel fine, so I didn't see the point.",
        "Sometimes I skip it if I'm having a drink.",
    ],
    tasks=[
        [("T", "What if you took it with your breakfast instead of at night? You always have breakfast.", "A action y"),
         ("C", "Yeah, I suppose that's —", None),
         ("T", "— easier to remember, yeah. So from tomorrow, with your breakfast, every day. Sound alright?", "A action y"),
         ("C", "Sounds alright.", None)],
        [("T", "I'm gonna ask you to take the full dose, the fifty, every day for the next fourteen days, and then we'll check your levels.", "A action y"),
         ("C", "Even if I feel sick?", None),
         ("T", "If it's really bad ring me, but try and stick with it, with food.", "A action n"),
         ("C", "Okay.", None)],
        [("T", "Could you put a tick on this chart each time you take it? Just on the fridge, for a month.", "A journal y"),
         ("C", "Yeah, I can do that.", None)],
        [("T", "Have a look at the — the leaflet in the box, the side effects bit, and bring any questions next time.", "A learn n"),
         ("C", "Alright.", None)],
    ],
    reviews=[
        [("T", "How've you got on with taking it at breakfast?", "R"),
         ("C", "Much better. I've only missed one.", None),
         ("T", "One in three weeks, that's brilliant. Any sickness?", "R"),
         ("C", "A little bit the first few days.", None)],
        [("T", "Did you bring the tick chart?", "R"),
         ("C", "I did, here. There's a few gaps.", None),
         ("T", "Gaps on the weekends, mostly — what was happening then?", "R"),
         ("C", "We were at my sister's.", None)],
    ],
)

SETTINGS["diet-exercise"] = dict(
    title="Diet, exercise, blood pressure and diabetes, practice nurse and health coach",
    change="get a bit more active",
    psy=[
        "Your HbA1c's fifty-two, which is just in the diabetes range.",
        "The guidance is a hundred and fifty minutes of moderate activity a week, that's where you're a bit out of breath.",
        "Salt's a big one for blood pressure, most of it's hidden in bread and ready meals.",
        "Losing even five percent of your weight can bring the sugar down quite a lot.",
        "Fizzy drinks and juice are where a lot of the sugar comes from, for most people.",
        "Your blood pressure was a hundred and fifty over ninety-five today, which is a bit high.",
    ],
    refl=[
        "So you already walk the dog every morning. That counts, that's good.",
        "You've swapped to the diet cola already, you said.",
        "It sounds like evenings are when the snacking happens.",
        "So you're doing the cooking, so you've got quite a lot of say in what goes on the plate.",
    ],
    negs=[
        "A lot of people find it easier to add things in than to cut things out.",
        "There's a walking group at the leisure centre, some people like that.",
        "What sort of things do you enjoy doing, activity-wise?",
        "What does a normal day of eating look like for you?",
    ],
    client=[
        "I just don't have time with work and the kids.",
        "I used to play five-a-side but my knee went.",
        "I'm on my feet all day at work though.",
        "I know I eat too much bread. I love bread.",
        "My mum had diabetes, she lost her foot in the end.",
    ],
    tasks=[
        [("T", "How would you feel about adding a — a ten-minute walk after your tea, say, three evenings a week?", "A action y"),
         ("C", "Ten minutes? That's nothing.", None),
         ("T", "That's the idea. Start small. Which evenings?", None),
         ("C", "Monday, Wednesday, Friday.", None),
         ("T", "Monday, Wednesday, Friday, ten minutes after tea. Yeah?", "A action y"),
         ("C", "Yeah.", None)],
        [("T", "Could you try and keep a food diary for, um, just three days, two weekdays and a weekend day? Everything, drinks as well.", "A journal y"),
         ("C", "Even the biscuits?", None),
         ("T", "Especially the biscuits.", None),
         ("C", "Ha. Okay.", None)],
        [("T", "So the plan is you swap the white bread for the — the seeded, and stop adding salt at the table.", "A action n"),
         ("C", "I can do the salt thing. The bread —", None),
         ("T", "Just the salt then, for now. Bread later.", "A action n"),
         ("C", "Yeah.", None)],
        [("T", "And I'd like you to check your blood pressure at home, morning and evening, for seven days, and write the numbers in this booklet.", "A journal y"),
         ("C", "I've got a machine, yeah.", None)],
    ],
    reviews=[
        [("T", "So how did the walks go, the after-tea ones?", "R"),
         ("C", "I did the Monday and the Wednesday. Friday it rained.", None),
         ("T", "Two out of three most weeks? How did you feel after?", "R"),
         ("C", "Good, actually. Slept better.", None)],
        [("T", "Did you manage the food diary?", "R"),
         ("C", "Two days. The weekend went out the window.", None),
         ("T", "Let's have a look at the two days then.", "R"),
         ("C", "Here.", None)],
    ],
)

SETTINGS["parenting"] = dict(
    title="Parenting support, health visitor and family worker",
    change="try something different at bedtime",
    psy=[
        "At his age, tantrums are really normal, it's the — the brain can't manage big feelings yet.",
        "Kids tend to do more of whatever gets attention, good or bad, that's just how it works.",
        "Screens in the hour before bed can make it harder for them to settle.",
        "Most toddlers need about eleven to fourteen hours of sleep, with naps.",
        "Shouting tends to work in the moment but it doesn't last, the research is pretty clear on that.",
    ],
    refl=[
        "So you already do a bath and a story most nights. That's a lovely routine.",
        "It sounds like you're exhausted, you're doing this on your own most of the week.",
        "You've noticed it's worse when he's hungry.",
        "So you've been staying really calm with him even when it's hard.",
    ],
    negs=[
        "Every child's different, what works for one doesn't always work for another.",
        "There's a parenting group on Thursdays at the children's centre if you ever fancy it.",
        "What's bedtime like at the moment, talk me through it.",
        "How do you and your partner handle it when he kicks off?",
    ],
    client=[
        "He just screams. Every night, for like an hour.",
        "I've tried everything. Nothing works.",
        "My mum says I'm too soft with him.",
        "His dad lets him do whatever he wants at the weekend.",
        "I just end up giving in because I'm so tired.",
    ],
    tasks=[
        [("T", "What about trying — so whenever you catch him playing nicely, you say exactly what you liked. 'I love how you shared the blocks.' Like five times a day.", "A action y"),
         ("C", "Five times? He's hardly ever nice.", None),
         ("T", "Ha, even two or three then. Look out for it.", "A action y"),
         ("C", "Okay, I'll try.", None)],
        [("T", "Could you write down the bedtimes this week, what time he went up, what time he went off, and anything that happened?", "A journal y"),
         ("C", "Like a diary?", None),
         ("T", "Just a few lines each night, yeah.", "A journal y"),
         ("C", "Okay.", None)],
        [("T", "So the plan for when he gets out of bed: you walk him back, no talking, no eye contact, every time. Can you do that for a week?", "A action y"),
         ("C", "Every time? Even if it's twenty times?", None),
         ("T", "Even twenty. It gets fewer, I promise.", None),
         ("C", "Okay. Okay I'll try it.", None)],
        [("T", "And when you talk to his dad about it, what could you say? Maybe something like 'Can we both do the same bedtime, seven o'clock, even at yours?'", "A action n"),
         ("C", "He won't listen.", None),
         ("T", "Maybe try it when you drop him off Saturday, when you're both calm.", "A action y"),
         ("C", "Yeah, maybe.", None)],
    ],
    reviews=[
        [("T", "How did the praising go? The catching him being good?", "R"),
         ("C", "I forgot at first, then I stuck a note on the fridge.", None),
         ("T", "Oh, good idea. What did you notice when you did it?", "R"),
         ("C", "He kind of lit up.", None)],
        [("T", "So you were gonna walk him back to bed every time. How was that?", "R"),
         ("C", "The first night was awful. Like thirty times. Then it got better.", None),
         ("T", "And by the end of the week?", "R"),
         ("C", "Twice, maybe.", None)],
    ],
)

SETTINGS["school"] = dict(
    title="School counselling, pupils aged 13 to 17",
    change="talk to someone about it",
    psy=[
        "Loads of people get that racing heart before exams, it's your body getting ready, not danger.",
        "Sleep's really important for memory, so the all-nighters actually work against you.",
        "Bullying's never okay, and the school has a duty to do something about it.",
        "When you avoid something scary, it kind of grows in your head.",
        "A lot of people your age feel like that, you're definitely not the only one.",
    ],
    refl=[
        "So you already go to the library at lunch so you don't have to be in the canteen.",
        "It sounds like maths is the one that really gets to you.",
        "You're saying it's mostly online, the group chat, not so much in school.",
        "So you've been revising loads, you're just not sure it's sticking.",
    ],
    negs=[
        "I'm not a teacher, so this isn't about getting you in trouble.",
        "You can come and see me any lunchtime, the door's usually open.",
        "What do you think your friends would say if they knew?",
        "How's it been at home?",
    ],
    client=[
        "I dunno. It's just everything.",
        "My mum thinks I'm fine.",
        "They just keep posting stuff about me.",
        "I freeze. Like I literally can't think.",
        "I don't wanna make a big deal of it.",
    ],
    tasks=[
        [("T", "Could you try the breathing we just did, the box one, when you feel it starting? Like in the corridor before maths.", "A skill y"),
         ("C", "People will see.", None),
         ("T", "Nobody'll notice, it's just breathing. Try it before each maths lesson this week.", "A skill y"),
         ("C", "Okay.", None)],
        [("T", "So what could you say to Miss Patel? Let's write it down. 'Can I talk to you about something at break?'", "A action n"),
         ("C", "That's it?", None),
         ("T", "That's it. Could you say that to her on Monday?", "A action y"),
         ("C", "Yeah. Monday.", None)],
        [("T", "Would you be okay to screenshot the messages, not reply, just screenshot them, and bring them next week?", "A action n"),
         ("C", "Yeah. I can do that.", None)],
        [("T", "One thing — there's a website on exam stress, I'll write it down — have a look before next Thursday.", "A learn y"),
         ("C", "Okay.", None)],
    ],
    reviews=[
        [("T", "Did you get a chance to talk to Miss Patel?", "R"),
         ("C", "Yeah. She was actually really nice.", None),
         ("T", "What did she say?", "R"),
         ("C", "She's gonna move me in maths.", None)],
        [("T", "How did the breathing go, before maths?", "R"),
         ("C", "I did it twice. It kind of helped.", None),
         ("T", "Twice. Which time helped more?", "R"),
         ("C", "The Wednesday, there was a test.", None)],
    ],
)

SETTINGS["mi-counselling"] = dict(
    title="Motivational interviewing, community substance-use and wellbeing service",
    change="make a change with the gambling",
    psy=[
        "The machines are designed so you nearly win a lot, that's what keeps people going.",
        "When you're chasing losses, the brain's reward system is — it's basically in overdrive.",
        "Gambling problems often go with low mood and debt, they feed each other.",
        "Most people who change a habit like this slip a few times, that's part of it.",
    ],
    refl=[
        "So you already gave your bank card to your sister on payday.",
        "You're saying it started as a bit of fun with the football, and now it's most nights.",
        "It sounds like the money's only part of it, it's the hiding it that gets to you.",
        "So you've deleted one of the apps already.",
    ],
    negs=[
        "I'm not gonna tell you to stop, that's your call. I'm just curious what you want.",
        "What would things look like in a year if nothing changed?",
        "And if you did change, what would be different?",
        "What's stopped you in the past?",
    ],
    client=[
        "I know it's a problem. I just can't stop once I start.",
        "It's the adverts. They're everywhere.",
        "My partner doesn't know how much.",
        "I won two hundred quid last week so, you know.",
        "I want to stop. I think. Mostly.",
    ],
    tasks=[
        [("T", "Would you be willing to sign up to the self-exclusion, the GamStop thing? Tonight, maybe?", "A action y"),
         ("C", "What, for like a year?", None),
         ("T", "You choose. Six months is the shortest.", None),
         ("C", "Six months then. I'll do it tonight.", None),
         ("T", "Great, so tonight, GamStop, six months. And you'll text me when it's done?", "A action y"),
         ("C", "Yeah.", None)],
        [("T", "What if, um, each time you get the urge, you wait fifteen minutes and write down what set it off, before you decide?", "A journal y"),
         ("C", "I could try that. On my phone.", None),
         ("T", "On your phone's fine.", None),
         ("C", "Okay.", None)],
        [("T", "So the plan is you tell your partner about the debt on Saturday morning, and — actually, let's practise what you'll say now, here.", "A action y"),
         ("C", "Okay. God.", None)],
    ],
    reviews=[
        [("T", "So last time you were going to do the self-exclusion. Did you get round to it?", "R"),
         ("C", "I did, the same night.", None),
         ("T", "How's it felt, since?", "R"),
         ("C", "Weird. Like something's missing. But good.", None)],
        [("T", "How did the fifteen-minute wait go when the urges came?", "R"),
         ("C", "Some of the time. I wrote five of them down.", None),
         ("T", "Five. What set them off, mostly?", "R"),
         ("C", "Being bored. Sunday nights.", None)],
    ],
)

# ---------------------------------------------------------------- speech as transcribed
def roughen(text, rng):
    """A filler now and then, a word said twice, gonna/wanna: what a transcriber keeps."""
    words = text.split(" ")
    if rng.random() < 0.25 and len(words) > 4:
        i = rng.randrange(0, min(4, len(words) - 1))
        if words[i].isalpha():
            words.insert(i, words[i])
    if rng.random() < 0.2:
        if words[0][:1].isupper() and words[0] not in ("I", "I'm", "I'd", "I'll", "I've"):
            words[0] = words[0][0].lower() + words[0][1:]
        words.insert(0, rng.choice(["Um,", "So,", "Yeah, so", "Uh,", "Erm,", "Okay, so"]))
    out = " ".join(words)
    if rng.random() < 0.5:
        out = out.replace("going to ", "gonna ").replace("want to ", "wanna ")
    return out


def mark_labels(mark):
    if mark is None:
        return dict(assigns_homework=False, reviews_homework=False, category=None, specific=None)
    parts = mark.split()
    if parts[0] == "R":
        return dict(assigns_homework=False, reviews_homework=True, category=None, specific=None)
    return dict(assigns_homework=True, reviews_homework=parts[0] == "RA", category=CAT[parts[1]], specific=parts[2] == "y")


LABEL_STYLES = [("T", "C"), ("Counsellor", "Client"), ("Nurse", "Patient"), ("Doctor", "Patient"), ("T", "C")]


def session(name, setting, kind, rng):
    """kind: none, assign, review, both."""
    s = SETTINGS[setting]
    lines = []  # (speaker, text, mark)

    def t(text, mark=None):
        lines.append(("T", text, mark))

    def c(text):
        lines.append(("C", text, None))

    t(rng.choice(OPENINGS))
    c(rng.choice(CLIENT_OPENERS))
    if kind in ("review", "both"):
        for sp, text, mark in rng.choice(s["reviews"]):
            lines.append((sp, text, mark))
    middle = []
    for text in rng.sample(s["psy"], 2) + rng.sample(s["refl"], 2) + rng.sample(s["negs"], 2) + [rng.choice(ROLE)] \
            + [rng.choice(READINESS).format(change=s["change"])] + ([rng.choice(FUTURE)] if rng.random() < 0.6 else []):
        middle.append(text)
    rng.shuffle(middle)
    for text in middle:
        t(text)
        c(rng.choice(s["client"] + CLIENT_FILLER))
    if kind in ("assign", "both"):
        scripts = rng.sample(s["tasks"], 2 if rng.random() < 0.3 else 1)
        for script in scripts:
            for sp, text, mark in script:
                lines.append((sp, text, mark))
    t(rng.choice(CLOSINGS))
    c(rng.choice(["Thanks.", "Okay, bye.", "Cheers.", "Thank you.", "See you then."]))
    tl, cl = rng.choice(LABEL_STYLES)
    text_lines, labels = [], []
    for i, (sp, text, mark) in enumerate(lines, start=1):
        text = roughen(text, rng)
        text_lines.append(f"{tl if sp == 'T' else cl}: {text}")
        if sp == "T":
            labels.append(dict(session=name, turn=i, **mark_labels(mark)))
    assigned = any(l["assigns_homework"] for l in labels)
    reviewed = any(l["reviews_homework"] for l in labels)
    return text_lines, labels, dict(session=name, setting=setting, modality=s["title"], homework_assigned=assigned,
                                    homework_reviewed=reviewed)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "dev")
    os.makedirs(os.path.join(out, "sessions"), exist_ok=True)
    rng = random.Random(19)
    all_labels, all_sessions, utterances = [], [], []
    n = 0
    for setting in SETTINGS:
        kinds = ["none", "none", "none", "none", "assign", "both", "assign", "review"]
        for kind in kinds:
            n += 1
            name = f"{setting}-{n:02d}"
            text_lines, labels, verdict = session(name, setting, kind, rng)
            with open(os.path.join(out, "sessions", name + ".txt"), "w") as f:
                f.write("\n".join(text_lines) + "\n")
            all_labels += labels
            all_sessions.append(verdict)
            for l in labels:
                i = l["turn"]
                context = text_lines[i - 2].split(": ", 1)[1] if i > 1 else ""
                utterances.append(dict(id=f"{name}-t{i}", setting=setting, context=context, speaker="therapist",
                                       text=text_lines[i - 1].split(": ", 1)[1],
                                       **{k: l[k] for k in ("assigns_homework", "reviews_homework", "category", "specific")}))
    with open(os.path.join(out, "sessions", "labels.jsonl"), "w") as f:
        f.writelines(json.dumps(l) + "\n" for l in all_labels)
    with open(os.path.join(out, "sessions", "sessions.jsonl"), "w") as f:
        f.writelines(json.dumps(s) + "\n" for s in all_sessions)
    with open(os.path.join(out, "utterances.jsonl"), "w") as f:
        f.writelines(json.dumps(u) + "\n" for u in utterances)
    a = sum(l["assigns_homework"] for l in all_labels)
    r = sum(l["reviews_homework"] for l in all_labels)
    print(f"{len(all_sessions)} sessions, {len(all_labels)} labelled therapist turns ({a} assign, {r} review), "
          f"{sum(not s['homework_assigned'] and not s['homework_reviewed'] for s in all_sessions)} with no homework")


if __name__ == "__main__":
    main()
