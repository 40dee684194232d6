import { describe, expect, it } from 'vitest';
import { parseAttributeList, parseAttribution, withExplicitParts } from '../../src/read/attribution.js';
import { realReport } from '../support/report.js';

describe('reading an attribution conservatively', () => {
  it.each([
    ['Participant, Caia Park', { role: 'Participant', place: 'Caia Park' }],
    ['A parent, Hightown', { role: 'A parent', place: 'Hightown' }],
    ['Programme lead', { role: 'Programme lead' }],
    ['Programme Lead', { role: 'Programme Lead' }],
    ['Service User, Rhosddu', { role: 'Service User', place: 'Rhosddu' }],
    ['Participant, Caia Park, Wrexham', { role: 'Participant', place: 'Caia Park, Wrexham' }],
    ['Young person, aged 16', { role: 'Young person', place: 'aged 16' }],
  ])('keeps the person empty when the first part says what someone is: %s', (text, parts) => {
    expect(parseAttribution(text)).toEqual(parts);
  });

  it.each([
    ['J', { person: 'J' }],
    ['Dafydd Jones, Volunteer, Gwersyllt', { person: 'Dafydd Jones', role: 'Volunteer', place: 'Gwersyllt' }],
    ['Ana Ruiz, Programme lead', { person: 'Ana Ruiz', role: 'Programme lead' }],
    ['Bo "The Voice" Example, Commissioner, Luton', { person: 'Bo "The Voice" Example', role: 'Commissioner', place: 'Luton' }],
    ['Leader in a Living Well site', { role: 'Leader', place: 'a Living Well site' }],
    ['A. Khan, Peer worker, Salford', { person: 'A. Khan', role: 'Peer worker', place: 'Salford' }],
    ['A. Khan, Peer worker', { person: 'A. Khan', role: 'Peer worker' }],
  ])('still reads names, and roles in places: %s', (text, parts) => {
    expect(parseAttribution(text)).toEqual(parts);
  });

  it('reads the Living Well report’s own attributions exactly as before', () => {
    const none = undefined;
    expect(realReport().quotes.map((q) => [q.attribution, q.person, q.role, q.place])).toEqual([
      ['Leader in a Living Well site', none, 'Leader', 'a Living Well site'],
      ['Leader in a Living Well site', none, 'Leader', 'a Living Well site'],
      ['Lead commissioner in a Living Well site', none, 'Lead commissioner', 'a Living Well site'],
      ['Senior clinician in a Living Well site', none, 'Senior clinician', 'a Living Well site'],
      ['J, Peer worker & poet, Salford', 'J', 'Peer worker & poet', 'Salford'],
      ['Team coordinator in a Living Well site', none, 'Team coordinator', 'a Living Well site'],
      ['Commissioning lead in a Living Well site', none, 'Commissioning lead', 'a Living Well site'],
    ]);
  });
});

describe('an explicit attribute list', () => {
  it('reads key="value", key=\'value\' and key=value pairs', () => {
    expect(parseAttributeList(`person="" role='Participant' place=Hightown`)).toEqual({ values: { person: '', role: 'Participant', place: 'Hightown' } });
  });

  it('names an unknown key, with a did-you-mean', () => {
    expect(parseAttributeList('persn="Ann"')).toEqual({ problem: '"persn" is not an attribution key; did you mean "person"?' });
  });

  it('says what it cannot read', () => {
    expect(parseAttributeList('role="Parent" place=')).toMatchObject({ problem: expect.stringContaining('cannot read "place="') });
  });

  it('overrides what was read; an empty value says there is none', () => {
    expect(withExplicitParts({ person: 'Caia Park participant' }, { person: '', role: 'Participant', place: 'Caia Park' })).toEqual({ role: 'Participant', place: 'Caia Park' });
  });
});
