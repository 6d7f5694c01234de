#!/usr/bin/env python3
"""The blind set for issue 19's transcript part: twelve whole sessions outside the CBT clinic, written
by hand as transcribed speech and labelled by ../shared/data/LABELING.md BEFORE any detector was run on
them (committed before the first run). Not generated from dev.py's pieces: every session here is
written out whole, in settings and wordings the development material does not use.

    python3 src/test/resources/transcripts/settings/source/blind.py

writes src/test/resources/transcripts/settings/blind/{sessions/*.txt, labels.jsonl, sessions.jsonl}
and utterances.jsonl (each labelled therapist turn with the client's words before it).

A therapist line ends with its label after "||": "A cat y|n" assigns, "R" reviews, "RA cat y|n" both;
no mark = neither. The first word before the colon is the speaker as the transcript writes it.
"""
import json
import os

CAT = {"skill": "skill_practice", "action": "action", "journal": "journaling", "learn": "learning"}
THERAPIST = {"T", "Counsellor", "Nurse", "Doctor", "Dr Okafor", "Pharmacist", "Midwife", "Physio", "Dietitian",
             "Worker", "Interviewer", "Practitioner"}

SESSIONS = {}

SESSIONS["x01"] = ("Emergency department, alcohol after a fall (brief intervention)", """
Nurse: Hi, I'm Jo, I'm one of the alcohol nurses here. The doctor said you'd be okay to have a chat while you wait for the x-ray?
C: Yeah, go on then.
Nurse: So I — I see a lot of people who've had a fall after a drink, it's not a telling-off thing.
C: I only had a few.
Nurse: Okay. How many would a few be, last night?
C: Six, seven cans. Maybe a couple of shots at the end.
Nurse: Right. So that's, um, roughly fifteen, sixteen units in one night. The safe-ish amount's fourteen over a whole week.
C: Over a week? Nobody does that.
Nurse: Yeah, a lot of people are surprised by that one.
C: I'm not an alcoholic or anything.
Nurse: No, and I'm not saying you are. Is it — is it usually Fridays, or more often?
C: Fridays and Saturdays. Sometimes a Wednesday if there's football.
Nurse: So you're already not drinking most of the week.
C: Yeah, exactly.
Nurse: How do you feel about last night, ending up here?
C: Bit embarrassed. My mate had to carry me basically.
Nurse: If you were gonna change one thing, what — what would it be?
C: Probably not the shots. The shots are what does it.
Nurse: So what about — on a night out, no shots, just the cans. Would you — could you stick to that? ||A action y
C: I reckon I could try. The lads'll give me grief though.
Nurse: What could you say to them?
C: Just say I'm on antibiotics or something.
Nurse: Ha, that works. So next few nights out, no shots, and if they push it it's the antibiotics line. Sound fair? ||A action y
C: Yeah, fair.
Nurse: And this card's got a number on it if you ever want to talk to somebody, no pressure. ||
C: Cheers.
Nurse: Okay. Hope the wrist's not broken. Take care.
""")

SESSIONS["x02"] = ("Antenatal clinic, smoking in pregnancy (midwife)", """
Midwife: So your carbon monoxide reading was eleven today. Anything over four, we — we'd say you're still smoking a bit.
C: I've cut right down. Like four a day.
Midwife: Four a day, from twenty. That's massive, honestly.
C: I know I should stop completely.
Midwife: The carbon monoxide does cut the oxygen getting to the baby, that's the main worry with it.
C: Yeah. They showed us the video.
Midwife: How are you feeling about the last four?
C: The one with my tea in the morning I can't — I can't imagine not having.
Midwife: That's the one most people say. There's the specialist service, they do the patches free in pregnancy. Would you want me to refer you?
C: Yeah. Yeah, go on.
Midwife: Okay, I'll do that today and they'll ring you — it'll probably be a Brighton number.
C: Okay.
Midwife: And in the meantime — could you maybe swap the tea cigarette for — for something, like a walk to the shop, or — ||A action n
C: I could have my tea in the garden without one.
Midwife: — yeah, or that. Tea in the garden, no cigarette, just the mornings to start. Try it till I see you at twenty-eight weeks? ||A action y
C: Yeah, alright.
Midwife: Brilliant. And pick up your vitamin D at the pharmacy on your way out, they've got it behind the counter. ||A action n
C: Oh, okay.
Midwife: Right, blood pressure's fine, baby's measuring fine. See you in four weeks.
""")

SESSIONS["x03"] = ("Community pharmacy, new medicine service for blood pressure (pharmacist), a medicine check", """
Pharmacist: Hi, so this is the — the new medicine chat, the one your GP signed you up for. Have you got ten minutes?
C: Yeah, sure.
Pharmacist: So you've been on the ramipril two weeks now. How are you getting on with it? ||R
C: Fine. I've had a bit of a cough.
Pharmacist: A dry tickly cough?
C: Yeah, mostly at night.
Pharmacist: That's actually a known side effect of ramipril, about one in ten people get it.
C: Oh, really?
Pharmacist: Yeah. It's not dangerous, but if it's bothering you the GP can swap you to a different one, there's one called losartan that doesn't do it.
C: It's not that bad.
Pharmacist: Okay. Are you taking it every day? ||R
C: Every morning with my tablets for the thyroid.
Pharmacist: Perfect, so you've got it tied to the thyroid one already, that's — that's the best way.
C: My wife puts them out for me.
Pharmacist: Any dizziness when you stand up?
C: No.
Pharmacist: Good. High blood pressure doesn't really give symptoms, so a lot of people feel no different on it, that's normal.
C: Right.
Pharmacist: Anything else you wanted to ask about it?
C: No, I think that's it.
Pharmacist: Okay. I'll send a note to the surgery about the cough, just so it's on your record. And — and that's us done.
C: Thanks.
""")

SESSIONS["x04"] = ("Diabetes review, dietitian, with a follow-up of an earlier plan", """
Dietitian: Come in, come in. So, how's it been since — since August?
C: Up and down. Christmas was a disaster.
Dietitian: Christmas is a disaster for everyone, don't worry. So last time we said you'd swap the cereal for — was it the porridge? ||R
C: Yeah, the porridge. I did that. Most days.
Dietitian: Most days! And have you noticed anything with your sugars in the morning? ||R
C: They're lower. Like seven instead of nine or ten.
Dietitian: That's — that's a really good drop. And the fizzy drinks, were you still on the two cans? ||R
C: One can. I tried to do none but.
Dietitian: One's still half. Okay. So your HbA1c's come down to fifty-six, from sixty-one.
C: Is that good?
Dietitian: It's moving the right way. Under fifty-three's where we'd like it, ideally.
C: Okay.
Dietitian: So what do you think, what's next?
C: I dunno. The evening meal's probably the — the big one. I eat late.
Dietitian: What time's tea usually?
C: Nine, half nine. After my shift.
Dietitian: Right. And what's on the plate?
C: Whatever. Pasta a lot. Takeaway.
Dietitian: Would — would it help to have something ready, so you're not starting from scratch at half nine?
C: Like batch cooking?
Dietitian: Yeah, something like that. If you did a big pot of something on your Sunday off, with loads of veg in, and had that on, say, three of your work nights? ||A action y
C: Chilli. I could do a chilli.
Dietitian: Chilli's great. So Sunday, a chilli, and that's tea on three shift nights, with a — smaller portion of rice. How does that sound? ||A action y
C: Yeah. Doable.
Dietitian: Brilliant. And keep the porridge going, obviously. ||A action n
C: Ha, yeah.
Dietitian: I'll see you in three months, and they'll do your bloods the week before.
""")

SESSIONS["x05"] = ("School counsellor, year 10 pupil, anger at school, no homework", """
Counsellor: Hey. Come in, shut the door if you want. How's your week been?
C: Got another detention.
Counsellor: Another one. What happened?
C: Mr Davies said I was being rude and I wasn't. He just — he picks on me.
Counsellor: So it feels like he's singling you out.
C: He is. Everyone was talking, he only said my name.
Counsellor: That sounds really unfair, from where you were sitting.
C: It was.
Counsellor: What happened in your body, when he said your name?
C: Went hot. Like my face. And I just wanted to hit the desk.
Counsellor: That's — that's your body going into fight mode. It's really common, it happens really fast, faster than thinking.
C: I didn't hit it though.
Counsellor: No, you didn't. You walked out, you said.
C: Yeah. Which is why I got the detention.
Counsellor: So you've kind of already got a way of not lashing out, which is walking away.
C: I guess.
Counsellor: Some people use a time-out card, where they can leave without getting in trouble. I don't know if that's something you'd ever want. We could talk about it another time.
C: Maybe.
Counsellor: How are things at home at the minute?
C: Same. Mum's working loads.
Counsellor: Okay. I'm here Wednesdays and Fridays, so you can always find me. Same time next week?
C: Yeah.
""")

SESSIONS["x06"] = ("Parenting, family support worker, a 14-year-old and curfew (home visit)", """
Worker: So last week we talked about — about sitting down with Kai and agreeing a time. Did — did that happen in the end? ||R
C: Sort of. We had a row about it first.
Worker: A row. And then? ||R
C: Then we agreed ten on a Friday, nine on a school night.
Worker: You agreed it together. That's what we were hoping for. Has he stuck to it? ||R
C: Twice. Then Saturday he came back at midnight.
Worker: Okay. What did you do when he came in? ||R
C: I lost it. I shouted. I know I shouldn't have.
Worker: It sounds like you were really scared, waiting up.
C: I was terrified. He wasn't answering.
Worker: That's — any parent would be. Teenagers' brains are, honestly, not great at thinking ahead, it's not all defiance.
C: It feels like defiance.
Worker: Yeah. So what — what do you think would help next time?
C: If he just texted me.
Worker: So a rule about texting, if he's gonna be late?
C: Yeah. Like if he's even five minutes late he texts.
Worker: And what happens if he doesn't?
C: I dunno. He loses his phone for a day?
Worker: Would you be willing to — to put that to him tonight, calmly, not in a row? The text rule and the phone for a day? ||A action y
C: Tonight?
Worker: Or tomorrow. When you're both calm, not when he's just walked in.
C: Tomorrow. After tea.
Worker: Tomorrow after tea, then. And write it on the fridge once you've agreed it, so it's there for both of you. ||A action y
C: Okay.
Worker: I'll pop back Thursday week.
""")

SESSIONS["x07"] = ("GP, low mood and an antidepressant, a medicine check", """
Dr Okafor: Hello, come on through. What can I do for you today?
C: It's about the tablets. The sertraline.
Dr Okafor: Okay. How long have you been on them now?
C: Three weeks.
Dr Okafor: And how are you finding them? ||R
C: I feel a bit sick. And I'm not sure they're doing anything.
Dr Okafor: The sickness is really common at the start, it tends to settle by about week four or five.
C: Right.
Dr Okafor: And they do take a good six weeks before most people notice a difference in mood. So three weeks is — it's early days.
C: I was thinking of stopping them.
Dr Okafor: I understand. If you did want to stop, it's better to come off gradually with us rather than all at once, because of the — the withdrawal effects.
C: Okay.
Dr Okafor: How's your sleep?
C: Bit better actually.
Dr Okafor: That's often one of the first things. How's the — any thoughts of harming yourself?
C: No. Nothing like that.
Dr Okafor: Good. There's also talking therapy, the self-referral one, I can give you the details some time if you want it, but there's no rush.
C: Maybe later.
Dr Okafor: Okay. Let's leave things as they are today, and I'd — I'd like to see you in four weeks.
C: Okay.
""")

SESSIONS["x08"] = ("Physiotherapy, low back pain, home exercises", """
Physio: So how's the back been?
C: Better on the days I do the exercises. Worse when I don't.
Physio: Which exercises have you been doing? ||R
C: The knee rolls. And the cat one. Not the bridges, they hurt.
Physio: Hurt how, like a sharp pain or more of a — a strain? ||R
C: Sharp. In the lower bit.
Physio: Okay. Let's have a look at how you're doing the bridge, show me on the bed. ||R
C: Like this?
Physio: Yeah, see, you're pushing up from your back, not your bum. Squeeze first, then lift. Try that.
C: Oh. That's different.
Physio: How's that feel?
C: Fine, actually.
Physio: So that's what we're after. Walking is one of the best things for backs generally, the evidence on that's really good.
C: I walk to the bus.
Physio: Great. So, um, the exercises: keep the knee rolls and the cat, and add the bridge done that new way — ten of each, twice a day, morning and — and evening. ||A skill y
C: Ten of each. Okay.
Physio: If the sharp pain comes back on the bridges, just stop those and carry on with the others. ||A skill y
C: Okay.
Physio: And I'll print you the sheet with the pictures. See you in a fortnight.
""")

SESSIONS["x09"] = ("Community drug service, cocaine, first motivational interview, no homework", """
Practitioner: Thanks for coming. I know it's not always easy, walking in here.
C: My probation officer said I had to.
Practitioner: Okay. So you're here because you have to be, and — and that's fine, honestly, lots of people start that way.
C: I don't really think I have a problem.
Practitioner: Okay. Can you tell me a bit about when you use?
C: Weekends. With the boys. It's just social.
Practitioner: So it's a social thing, weekends, with mates.
C: Yeah. I don't do it on my own.
Practitioner: What do you like about it?
C: Makes the night go on. You can drink more.
Practitioner: And is there anything you don't like about it?
C: The Mondays. The Mondays are grim. And the money.
Practitioner: How much would you say goes on it, in a month?
C: Three, four hundred.
Practitioner: Cocaine with alcohol makes a thing in the liver called cocaethylene, which is harder on the heart than either on its own. Just — just so you know.
C: I didn't know that.
Practitioner: Most people don't. What would you want to be different, if anything, in six months?
C: I dunno. More money, I suppose. Not feeling like — like death on a Monday.
Practitioner: On a scale of one to ten, how important would those be?
C: Money, seven.
Practitioner: Seven. Why seven and not a four?
C: Cos I want to get a car.
Practitioner: So there's something you want, and this is getting in the way of it a bit. My role is really just to help you figure out if you want to do anything about it. We can pick that up next time.
C: Okay.
Practitioner: Same time next week? I'll let your probation officer know you came.
""")

SESSIONS["x10"] = ("Cardiac rehabilitation nurse, exercise after a heart attack, speech-recognition captions", """
Nurse: okay so um how have you been getting on with the walking we talked about
C: yeah I've been doing it I go round the park
Nurse: round the park how far is that would you say ||R
C: about twenty minutes I do it most days not sundays
Nurse: that's brilliant that's really good and how does your chest feel when you're doing it ||R
C: fine bit out of breath on the hill
Nurse: out of breath is fine you should be able to talk but not sing that's the level we want
C: right
Nurse: so what I'd like is for you to start adding in a bit um a bit of a faster stretch like five minutes brisk in the middle of the walk ||A action y
C: five minutes faster
Nurse: yeah and then slow down again and if you get any chest pain you stop and use your spray ||A action y
C: okay
Nurse: do you have the spray with you when you go out
C: it's in my coat
Nurse: perfect and um the stress side of things how's that been
C: better since I stopped working weekends
Nurse: good so you've already made quite a big change there
C: yeah my daughter made me
Nurse: so we've got the group session on thursday which is the exercise class you'll be doing that with us here
C: okay what time
Nurse: ten o'clock in the gym downstairs
C: okay
""")

SESSIONS["x11"] = ("Health visitor, toddler sleep, no homework", """
T: Hiya, how's — how's little Freya doing?
C: She's good. Still not sleeping though.
T: Still waking in the night?
C: Three, four times. I'm — I'm a zombie.
T: You look tired, I have to say. That's really hard going.
C: My partner does one of the wakings but he's up at five for work.
T: So you're splitting it, which is good, but it's still a lot.
C: Yeah.
T: At fourteen months a lot of them are still waking once or twice, so — so you're not doing anything wrong.
C: That's what my mum says. She says I was the same.
T: How does she settle back to sleep, when she wakes?
C: I give her a bottle. Sometimes she just wants a cuddle.
T: Okay. So you've already figured out sometimes it's just a cuddle she needs, not the milk.
C: Yeah, I think so.
T: Some families do gradual withdrawal, where you sit by the cot and move the chair a bit further away each night. Others don't want to go that route, it's — it's really up to you.
C: I don't know if I could do that right now. Not with my partner working.
T: No, and there's no rush. We can talk about it when things are a bit calmer, if you want.
C: Yeah.
T: Her weight's lovely, she's right on her line. I'll see you at the two-year check, unless you want me before.
C: Thanks.
""")

SESSIONS["x12"] = ("Occupational health counsellor, work stress, telephone, no homework", """
Counsellor: Hi, is that Priya? It's Sam from occupational health, can you hear me okay?
C: Yes, hi. Yes, fine.
Counsellor: So your manager referred you, and I've got your form here. How are things?
C: Honestly not great. I've been signed off two weeks.
Counsellor: Two weeks. And how are you finding being off?
C: Guilty. I keep checking my emails.
Counsellor: So even off, the work's sort of still with you.
C: Yeah. All the time.
Counsellor: That's really common with stress, the mind keeps going over it — it doesn't just switch off because you've stopped going in.
C: Mm.
Counsellor: What I can do is — is look at what might help when you go back, like a phased return or changes to your hours. That's the main thing my role's for.
C: Okay. That would help.
Counsellor: How confident do you feel about going back, at the moment?
C: Maybe a three out of ten.
Counsellor: A three. What would make it a five?
C: If I wasn't on the front desk. That's where the complaints come in.
Counsellor: So a change of duties would make a real difference.
C: Yeah.
Counsellor: Okay. I'll write to your manager with a recommendation for that, and I'll call you again in two weeks when you're nearer going back.
C: Thank you.
""")

SESSIONS["x13"] = ("Weight management, first appointment with a health coach, no homework", """
T: Hi Gary, I'm Lou, I'm the health coach. Thanks for coming in.
C: No worries. The doctor sent me.
T: So the doctor's letter says she's worried about your weight and your knees. What do you — what do you make of that?
C: I know I'm big. I've always been big.
T: You've always been a bigger build.
C: Yeah, all my family are.
T: Okay. So, um, I'll be honest, extra weight does put a lot of load through the knees, every stone is like — like four stone on the joint when you walk downstairs.
C: Seriously?
T: Yeah. That's why a bit of weight off can help the pain quite a lot.
C: I didn't know that.
T: What would you want to get out of coming here, if anything?
C: Be able to play with my grandson without my knees killing me.
T: That's a lovely reason. How important is that, on a scale of one to ten?
C: Ten. Definitely ten.
T: And how confident are you that you could make some changes?
C: About four. I've tried diets before. They don't last.
T: Diets often don't, that's — that's pretty much what the research says. It tends to be small changes that stick.
C: Yeah.
T: We'll have eight sessions together, and what we do in them is up to you really. Today was just getting to know you.
C: Okay.
T: So next Tuesday, same time, and we'll start to look at where you want to begin.
C: See you then.
""")

SESSIONS["x14"] = ("School nurse, vaping, year 9 pupil, no homework", """
Nurse: Hiya. So Mrs Grant caught you vaping in the toilets, is that right?
C: It wasn't mine.
Nurse: Okay. I'm not here to give you another detention, that's not my job, I'm just the nurse.
C: Okay.
Nurse: Do you vape much, would you say?
C: Like, at break. And after school.
Nurse: So it's kind of part of your day, with your friends.
C: Everyone does it.
Nurse: A lot of people in your year do, you're right. The thing is the nicotine in them is really addictive, more than people think, especially at your age.
C: It's only fruit flavour.
Nurse: The flavours are, but most of them have got nicotine in as well. Some have as much as twenty cigarettes in one.
C: What? No way.
Nurse: Yeah. Have you ever tried going a day without?
C: Not really. I get really grumpy.
Nurse: That grumpy feeling is actually the nicotine wearing off. That's what addiction feels like, basically.
C: Oh.
Nurse: How would you feel about maybe cutting down, at some point?
C: I dunno. Maybe.
Nurse: That's fine. You don't have to decide anything today. My door's open Tuesdays and Thursdays if you ever want to talk about it.
C: Okay.
""")


def labels_of(mark):
    if mark is None:
        return dict(assigns_homework=False, reviews_homework=False, category=None, specific=None)
    parts = mark.split()
    if parts[0] == "R":
        return dict(assigns_homework=False, reviews_homework=True, category=None, specific=None)
    return dict(assigns_homework=True, reviews_homework=parts[0] == "RA", category=CAT[parts[1]], specific=parts[2] == "y")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "blind")
    os.makedirs(os.path.join(out, "sessions"), exist_ok=True)
    labels, verdicts, utterances = [], [], []
    for name, (title, body) in SESSIONS.items():
        lines = [l for l in body.strip("\n").split("\n")]
        text_lines, session_labels = [], []
        for i, line in enumerate(lines, start=1):
            mark = None
            if "||" in line:
                line, mark = line.split("||")
                line, mark = line.rstrip(), (mark.strip() or None)
            text_lines.append(line)
            speaker = line.split(":", 1)[0]
            if speaker in THERAPIST:
                l = dict(session=name, turn=i, **labels_of(mark))
                session_labels.append(l)
                prev = lines[i - 2].split(":", 1)[1].strip() if i > 1 and lines[i - 2].split(":", 1)[0] not in THERAPIST else ""
                utterances.append(dict(id=f"{name}-t{i}", context=prev, speaker="therapist", text=line.split(":", 1)[1].strip(),
                                       **{k: l[k] for k in ("assigns_homework", "reviews_homework", "category", "specific")}))
        with open(os.path.join(out, "sessions", name + ".txt"), "w") as f:
            f.write("\n".join(text_lines) + "\n")
        labels += session_labels
        verdicts.append(dict(session=name, modality=title,
                             homework_assigned=any(l["assigns_homework"] for l in session_labels),
                             homework_reviewed=any(l["reviews_homework"] for l in session_labels)))
    with open(os.path.join(out, "sessions", "labels.jsonl"), "w") as f:
        f.writelines(json.dumps(l) + "\n" for l in labels)
    with open(os.path.join(out, "sessions", "sessions.jsonl"), "w") as f:
        f.writelines(json.dumps(v) + "\n" for v in verdicts)
    with open(os.path.join(out, "utterances.jsonl"), "w") as f:
        f.writelines(json.dumps(u) + "\n" for u in utterances)
    print(f"{len(verdicts)} sessions, {len(labels)} labelled therapist turns "
          f"({sum(l['assigns_homework'] for l in labels)} assign, {sum(l['reviews_homework'] for l in labels)} review), "
          f"{sum(not v['homework_assigned'] and not v['homework_reviewed'] for v in verdicts)} with no homework")


if __name__ == "__main__":
    main()
