# Development material for the coach (issue 19): written for this project and labelled by hand from
# LABELING.md §2 before the coach was run on it. Phrasing of the kinds that failed on earlier blind batches
# (idioms of fixing an area of life, hedged or softened intentions, texting, clinical-note style) in settings
# beyond the CBT clinic. The coach's corrections were made with this file in view; it is not held out.
import json, sys
T, F, N = True, False, None
rows = [
# red flags: "sort out / get on top of / get a handle on" an area of life
("Sleep better", "Sleep review", "Sleep", "Get a handle on your sleep.", T,F,F,F,F,T),
("Lose weight", "Weight clinic", "Eating", "Get on top of the eating.", T,F,F,F,F,T),
("Lower cholesterol", "Primary care review", "Diet", "Sort your diet out a bit.", T,F,F,F,F,T),
("Drink less alcohol", "MI", "Drink", "Rein in the drinking.", T,F,F,F,F,T),
("Take medication as prescribed", "Adherence", "Meds", "Keep on top of the tablets.", T,F,F,F,F,T),
("Manage diabetes", "Diabetes review", "Sugars", "Try and get your sugars under control.", T,F,F,F,F,T),
("Feel less stressed", "Stress", "Work", "Get work stuff in perspective.", T,F,F,F,F,T),
("Improve fitness", "Exercise advice", "Fitness", "Up your activity levels.", T,F,F,F,F,T),
("Stop smoking", "Stop smoking", "Smoking", "Knock the smoking on the head when you can.", T,F,F,F,F,T),
("Reduce screen time", "School counselling", "Phone", "Ease off the phone a bit.", T,F,F,F,F,T),
("Better grades", "School counselling", "Homework", "Pull your socks up with homework.", T,F,F,F,F,T),
("Lower blood pressure", "BP review", "Lifestyle", "Tweak your lifestyle.", T,F,F,F,F,T),
# red flags: attitudes and reflections in new words
("Feel less depressed", "Counselling", "Mood", "Keep your chin up.", T,F,F,F,F,T),
("Feel less anxious", "Anxiety", "Anxiety", "Try not to let things get to you so much.", T,F,F,F,F,T),
("Cope with grief", "Bereavement", "Grief", "Give yourself permission to feel sad.", T,F,F,F,F,T),
("Improve self-esteem", "Counselling", "Self-esteem", "Believe in yourself a bit more.", T,F,F,F,F,T),
("Stop using cocaine", "MI", "Use", "Weigh up whether it's worth it.", T,F,F,F,F,T),
("Drink less alcohol", "MI", "Ready", "Mull over how ready you are to change.", T,F,F,F,F,T),
("Stop smoking", "MI: confidence", "Confidence", "Consider what would make you more confident about quitting.", T,F,F,F,F,T),
("Reduce panic", "Panic", "Body", "Tune into your body's signals.", T,F,F,F,F,T),
("Manage anger", "Anger", "Calm", "Keep your cool with the kids.", T,F,F,F,F,T),
("Better sleep", "CBT-I", "Bed", "Don't overthink bedtime.", T,F,F,F,F,T),
("Manage pain", "Pain clinic", "Pain", "Listen to your body and don't overdo it.", T,F,F,F,F,T),
("Take medication as prescribed", "Adherence", "Tablets", "Make the tablets part of your day.", T,F,F,F,F,T),
("Eat healthily", "Dietitian", "Food", "Make better choices when you shop.", T,F,F,F,F,T),
("Be more active", "Primary care", "Move", "Move more, sit less.", T,F,F,F,F,T),
("Lose weight", "Weight clinic", "Treats", "Cut back on the treats.", T,F,F,F,F,T),
("Drink less alcohol", "Brief advice", "Units", "Keep within the guidelines.", T,F,F,F,F,T),
("Better diabetes control", "Diabetes", "Diet", "Be sensible with the sweet stuff.", T,F,F,F,F,T),
("Fewer arguments with teenager", "Parenting", "Arguments", "Pick your battles.", T,F,F,F,F,T),
("Improve relationship with child", "Parenting", "Praise", "Notice the good stuff more.", T,F,F,F,F,T),
("Settle in at new school", "School counselling", "Friends", "Put yourself out there.", T,F,F,F,F,T),
("Attend school every day", "Attendance", "Mornings", "Make more of an effort with mornings.", T,F,F,F,F,T),
("Reduce exam anxiety", "School counselling", "Exams", "Keep things in proportion.", T,F,F,F,F,T),
# red flags: hedged, softened, texting, note style
("Feel less low", "Counselling", "Self-care", "maybe do a bit of self care if u can", T,F,F,F,F,T),
("Sleep better", "Sleep", "Sleep", "Pt to work on sleep hygiene.", T,F,F,F,F,T),
("Drink less alcohol", "MI", "Alcohol", "Pt encouraged to reduce intake.", T,F,F,F,F,T),
("Stop smoking", "Smoking", "Smoking", "Advised re: smoking cessation.", T,F,F,F,F,T),
("Lose weight", "Weight", "Weight", "Continue with weight loss efforts.", T,F,F,F,F,T),
("Manage diabetes", "Diabetes", "Diabetes", "Reinforced importance of good glycaemic control.", T,F,F,F,F,T),
("Feel less anxious", "Anxiety", "Anxiety", "If you could possibly try to be a little kinder to yourself that would be great.", T,F,F,F,F,T),
("Reduce drug use", "MI", "Plan", "See how you go with cutting down.", T,F,F,F,F,T),
("Feel less lonely", "Counselling", "Social", "Try to get out and about when you feel up to it.", T,F,F,F,F,T),
("Improve mood", "Counselling", "Mood", "Do whatever helps.", T,F,F,F,F,T),
("Manage stress", "Stress", "Stress", "Take some me time.", T,F,F,F,F,T),
("Take medication as prescribed", "Adherence", "Pills", "Remember to take ur pills!!", T,F,F,F,F,T),
("Eat healthily", "Dietitian", "Eat", "Eat a balanced diet.", T,F,F,F,F,T),
("Manage pain", "Physio", "Exercises", "Keep up with the exercises when you can.", T,F,F,F,F,T),
("Reduce checking", "OCD", "Compulsions", "Push back against the compulsions.", T,F,F,F,F,T),
("Feel less depressed", "BA", "Activities", "Get back into the things you used to enjoy.", T,F,F,F,F,T),
("Better sleep", "Sleep", "Routine", "Aim for a more regular routine.", T,F,F,F,F,T),
("Quit vaping", "School nurse", "Vape", "Think about whether vaping is really worth it.", T,F,F,F,F,T),
("Lower blood pressure", "BP", "Stress", "Relax a bit more in the evenings.", T,F,F,F,F,T),
("Drink less alcohol", "MI", "Weekend", "Don't go overboard at the weekend.", T,F,F,F,F,T),
# hard negatives: concrete actions without a count (needs work, not a red flag)
("Lower cholesterol", "Primary care", "Bloods", "Book a fasting blood test at reception for next month.", T,T,F,F,F,F),
("Stop smoking", "Stop smoking", "Vape shop", "Buy the starter vape kit we talked about and bring it to clinic.", T,T,F,F,F,F),
("Drink less alcohol", "MI", "Fridge", "Take the beer out of the fridge and put it in the garage.", T,T,F,F,F,F),
("Manage diabetes", "Diabetes", "Meter", "Collect the new glucose meter from the pharmacy.", T,T,F,F,F,F),
("Take medication as prescribed", "Adherence", "Blister pack", "Ask the pharmacy to put your tablets in a blister pack.", T,T,F,F,F,F),
("Better grades", "School counselling", "Teacher", "Ask your maths teacher for the past papers.", T,T,F,F,F,F),
("Settle in at new school", "School counselling", "Club", "Sign up for the chess club at the Thursday lunchtime fair.", T,T,F,F,F,F),
("Fewer arguments with teenager", "Parenting", "Rules", "Write the three house rules on a sheet and stick it on the fridge.", T,T,T,F,F,F),
("Eat healthily", "Dietitian", "Cupboards", "Clear the crisps and biscuits out of the cupboard.", T,T,F,F,F,F),
("Improve fitness", "Exercise advice", "Trainers", "Get some proper trainers before we start the walking plan.", T,T,F,F,F,F),
("Manage pain", "Pain clinic", "Heat", "Use a hot water bottle on the sore spot before bed.", T,T,F,F,F,F),
("Reduce panic", "Panic", "Leaflet", "Read the panic leaflet so you know what the symptoms mean.", T,T,F,T,F,F),
("Feel less lonely", "Counselling", "Neighbour", "Knock on your neighbour's door and offer to water her plants.", T,T,F,F,F,F),
("Cope with grief", "Bereavement", "Photos", "Choose a photo of your mum to put up in the living room.", T,T,F,F,F,F),
("Reduce screen time", "School counselling", "Settings", "Turn on the screen-time limit in your phone settings tonight.", T,T,F,F,F,F),
("Sleep better", "Sleep", "Blackout", "Put up the blackout blind in the bedroom.", T,T,F,F,F,F),
("Drink less alcohol", "MI", "Tell partner", "Tell your partner about the plan to cut down.", T,T,F,F,F,F),
("Quit vaping", "School nurse", "Bin it", "Hand your vape in to the school nurse on Monday.", T,T,F,F,F,F),
("Lose weight", "Weight clinic", "Weigh", "Weigh yourself on Friday morning before breakfast.", T,T,F,F,F,F),
("Lower blood pressure", "BP", "Cuff", "Buy a validated upper-arm blood pressure monitor.", T,T,F,F,F,F),
# professional in these settings, several writers
("Lower cholesterol", "Primary care", "Oats", "Have porridge or another oat breakfast on at least 5 mornings a week, because the fibre lowers cholesterol.", T,T,T,T,F,F),
("Manage diabetes", "Diabetes review", "Walk after meals", "walk 10 mins after dinner every night - helps bring the sugar spike down. note it on the chart", T,T,T,T,T,F),
("Take medication as prescribed", "Adherence", "Alarm and chart", "Take the metformin with breakfast and dinner every day; tick each dose on the medication chart.", T,T,T,F,T,F),
("Drink less alcohol", "MI: change plan", "Drink diary", "Pt agreed: max 14 units/week, no more than 3 on any day; record all drinks in drink diary.", T,T,T,F,T,F),
("Stop smoking", "Stop smoking", "Cravings", "Each time a craving hits, do 2 minutes of the 4-7-8 breathing and mark it on the craving tally. You'll see they pass.", T,T,T,T,T,F),
("Better grades", "School counselling", "Homework club", "Go to homework club after school on Tuesday and Thursday for the full hour.", T,T,T,F,F,F),
("Reduce screen time", "School counselling", "Phone down", "Phone in the kitchen drawer from 9pm on school nights; tick the days you managed on the planner.", T,T,T,F,T,F),
("Fewer arguments with teenager", "Parenting", "Calm talk", "Once this week, at a calm moment, ask her what she thinks the rules should be, and listen for 10 minutes without arguing.", T,T,T,F,F,F),
("Improve relationship with child", "Parenting: praise", "Praise", "Praise him straight away at least 5 times a day for things you want more of, and mark each on the tally sheet.", T,T,T,F,T,F),
("Improve fitness", "Exercise advice", "Couch to 5k", "Follow week 1 of the Couch to 5k app: three runs, on Mon, Wed and Sat.", T,T,T,F,T,F),
("Manage pain", "Pain clinic", "Pacing", "Set a timer for 30 minutes when you sit at the computer and stand and stretch when it goes off, so the pain doesn't build up.", T,T,T,T,F,F),
("Quit vaping", "School nurse", "Nicotine step-down", "Switch to the 10mg pods this week and keep a tally of pods used per day on the card.", T,T,T,F,T,F),
("Feel less lonely", "Counselling", "Calls", "Ring one friend or relative on 3 days this week, even for 5 minutes, and note how you felt afterwards.", T,T,T,T,F,F),
("Eat healthily", "Dietitian", "Lunch", "Take a packed lunch to work 4 days this week instead of buying from the garage.", T,T,T,F,F,F),
("Better sleep", "CBT-I", "Bed restriction", "Bed at 00:30, up at 06:30 every day. No napping. Fill in the sleep diary each morning. This builds up sleep drive.", T,T,T,T,T,F),
("Reduce drug use", "Relapse prevention", "Urge surfing", "When an urge is above 6/10, surf it for 15 minutes before doing anything else, and log the peak on the urge sheet.", T,T,T,F,T,F),
("Lower blood pressure", "BP", "Home readings", "Two readings each morning and evening, 1 minute apart, for 7 days; write them on the BP diary so we can see your true average.", T,T,T,T,T,F),
("Cope with grief", "Bereavement", "Memory box", "Spend 20 minutes on Sunday putting together the memory box for your mum.", T,T,T,F,F,F),
# unlinked
("Quit vaping", "School nurse", "Spanish", "Do 15 minutes of Spanish on Duolingo every day.", F,T,T,F,F,F),
("Lower blood pressure", "BP", "Photos", "Sort the holiday photos into albums for an hour on Saturday.", F,T,T,F,F,F),
]

def overall(l, s, m, rf):
    return "red_flag" if rf else ("professional" if l and s and m else "needs_work")

out = []
for i, r in enumerate(rows, 1):
    goal, focus, title, instr, L, S, M, R, St, RF = r
    assert not (RF and (S or St)), r
    out.append(json.dumps({"id": "ds-%03d" % i, "goal": goal, "session_focus": focus, "title": title, "instructions": instr,
        "previous": None, "linked": L, "specific": S, "measurable": M, "rationale": R, "structured": St, "red_flag": RF,
        "challenge": None, "overall": overall(L, S, M, RF)}, ensure_ascii=False))
sys.stdout.write("\n".join(out) + "\n")
