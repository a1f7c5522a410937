/** Word banks for generated lessons: realistic JOL wording, combined at random. */
export const PLACES = [
  'Northshire', 'Eastmoor', 'Westvale', 'Southbridge', 'Kingsford', 'Ashby Marsh', 'Harlow Fen', 'Caldermouth', 'Brackenfield', 'Dunmore',
  'Glenrothay', 'Penrhos', 'Llanfair Vale', 'Ballykeel', 'Strathmore Rise', 'Oakhurst', 'Redcliffe', 'Thornbury Cross', 'Marlow Heath', 'Elmstead',
];
export const SUBJECTS = [
  'the first M/ETHANE message', 'the joint declaration of a major incident', 'the forward command post', 'the shared talkgroup', 'the casualty clearing station',
  'the rendezvous point', 'the strategic co-ordinating group', 'the tactical co-ordinating group', 'the rest centre', 'the evacuation of care homes',
  'the warning and informing message', 'the multi-agency hazard assessment', 'the inner cordon', 'the outer cordon', 'mutual aid requests',
  'the emergency alert', 'the scene access plan', 'the liaison officer network', 'the joint decision log', 'the welfare of responders',
  'the location of the scene', 'the handover between shifts', 'the recovery co-ordinating group', 'the flood warning', 'the power restoration plan',
];
export const PROBLEMS = [
  'was not shared between control rooms', 'reached partner agencies late', 'was agreed without the ambulance service', 'was set up in different places',
  'was not tested before the response', 'used terms that partners did not recognise', 'was not recorded in the joint decision log',
  'changed without the other services being told', 'depended on one person who was off duty', 'relied on mobile phones that lost signal',
  'did not reach vulnerable residents', 'was duplicated by two agencies', 'had no agreed lead organisation', 'was based on out-of-date plans',
];
export const PRACTICES = [
  'A joint briefing at each shift change', 'A single shared incident log', 'Co-located control room supervisors', 'A pre-agreed rendezvous point list',
  'Joint training for loggists', 'A shared risk picture on one map', 'Early liaison officers at the strategic group', 'A tested emergency alert template',
  'A welfare cell for staff of every agency', 'A joint hazard assessment form', 'Plain-English radio procedure cards', 'A rest centre activation checklist',
];
export const CONTEXTS = [
  'during the night', 'in heavy rain', 'in the first hour', 'across two force areas', 'at a rail station', 'at a chemical works', 'at a sports stadium',
  'in a rural valley', 'on a motorway', 'at a port', 'during a heatwave', 'during a prolonged power cut', 'in a city centre', 'at a hospital site',
];
export const SENTENCES = [
  'Commanders from each service arrived at different times and each set up their own arrangements.',
  'The control rooms worked from different pictures of the incident for longer than they needed to.',
  'Partners were not sure who held the lead for the public messages.',
  'The joint decision model was used at the tactical level, but its record was not shared.',
  'Information about hazards at the scene reached the responders in the inner cordon late.',
  'Responders used local terms that colleagues from neighbouring areas did not recognise.',
  'Vulnerable residents were identified from several lists that did not agree with each other.',
  'The plan assumed that mobile networks would stay up, and they did not.',
  'A liaison officer at the strategic co-ordinating group made a clear difference to the flow of information.',
  'Mutual aid arrived quickly, but the teams had no briefing on the local arrangements.',
  'The debrief found that the same issue had been raised after an exercise two years before.',
  'The recovery phase started before the response had been formally stood down.',
  'Staff welfare was considered late, after the first shift had already worked long hours.',
  'The scene was hard to find because the location was given in different ways by different callers.',
  'A shared map of the risk areas helped every agency plan the evacuation in the same way.',
  'The emergency alert reached most phones in the area, and the follow-up messages were consistent.',
];
export const RECOMMENDATIONS = [
  'Share every M/ETHANE message between control rooms as soon as it is received.',
  'Agree the location of the forward command post in the first joint message.',
  'Test shared talkgroups at the start of every multi-agency exercise.',
  'Include partner agencies in the hazard assessment before the inner cordon is set.',
  'Record joint decisions in one log that every commander can read.',
  'Keep one list of vulnerable residents that every partner can use.',
  'Brief mutual aid teams on local arrangements before they deploy.',
  'Use plain English in every message between agencies.',
];
