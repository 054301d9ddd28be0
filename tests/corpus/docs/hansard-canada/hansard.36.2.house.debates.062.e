36 th Parliament, 2 nd Session 
EDITED HANSARD * NUMBER 62 
Friday, March 3, 2000 
Mr. Guy St-Julien 
Mrs. Nancy Karetak-Lindell 
Ms. Caroline St-Hilaire 
INTERNATIONAL WOMEN'S DAY 
GROUPE D'IMPRIMERIE SAINT-JOSEPH 
INTERNATIONAL WOMEN'S DAY 
Hon. Pierre S. Pettigrew 
Hon. Pierre S. Pettigrew 
Hon. Pierre S. Pettigrew 
Hon. Pierre S. Pettigrew 
Mr. Brent St. Denis 
Mr. Jean-Guy Chretien 
CANADIAN INTERNATIONAL DEVELOPMENT AGENCY 
Ms. Diane St-Jacques 
Hon. George S. Baker 
GOVERNMENT RESPONSE TO PETITIONS 
AN ACT TO GIVE EFFECT TO THE REQUIREMENT FOR CLARITY AS SET 
Bill C-20. Report stage 
Motions in amendment to Bill C-20 
AN ACT TO GIVE EFFECT TO THE REQUIREMENT FOR CLARITY AS SET OUT 
Bill C-20-Notice of time allocation motion 
Ms. Caroline St-Hilaire 
Ms. Caroline St-Hilaire 
Mr. Pierre de Savoye 
EDITED HANSARD * NUMBER 62 
Friday, March 3, 2000 
The House met at 10 a.m. 
Mr. Gilles Duceppe (Laurier-Sainte-Marie, BQ):
This would be unfair because the motion would thus create intolerable discrimination among parliamentarians. 
Perhaps there would be no cost involved? 
Democracy has a cost. 
It is far preferable to places where there is no democracy.  
That is not valid.  
More importantly, Mr. Speaker, your role is at stake. 
This motion would make you an instrument of the government. 
Mr. Stephane Bergeron (Vercheres-Les-Patriotes, BQ):
Mr. Speaker, I want to understand what you just said. 
This is totally unacceptable.  
For one reason or another, it is not being debated today. 
When will it be? 
When will our rights and privileges as parliamentarians be put into question? 
I am asking you to consider this issue.  
Mr. Speaker, I rise on a point of order.  
Mr. Chuck Strahl (Fraser Valley, Ref.):
The courts have clearly recognized that conventions are part of our constitution. 
I submit that it would constitute a very dangerous precedent. 
We had two similar cases in the last parliament regarding committees. 
Motion No. 8 targets the opposition. 
Motion No. 8 is offensive. 
Stanley Knowles, a former member and table officer of this place, once said: 
The government has invoked closure or time allocation 62 times. 
It routinely leaks information intended for this House. 
All that would remain is Private Members' Business. 
I would like to quote an MLA from the Nova Scotia House of Assembly. 
Mr. Holm said on January 26, 1995: 
That truth is no more evident than it is right now. 
There is opportunity for compromise, for working together. 
That is exactly what the whip of the Bloc Quebecois said.  
I thank the hon. member for the clarification. 
I am going to listen to a few more hon. members on this matter.  
Mr. Bill Blaikie (Winnipeg-Transcona, NDP):
All of these things have merit and should be taken into account.  
We did not know exactly what procedure we would be dealing with. 
It is something I do not like. 
This seems to me to be just the opposite of what should be the case.  
It does not improve on the situation and does not deal with that particular problem. 
This motion belongs to all of us. 
Mr. Peter MacKay (Pictou-Antigonish-Guysborough, PC):
Obviously this is aimed at one piece of legislation and one party.  
In this House we are to respond and conduct ourselves with impartiality and fairness. 
Mr. Speaker, I know you are a fan of the sport of hockey. 
I want to speak specifically to the issue of intimidation. 
I refer the Chair to Erskine May, 22nd edition. 
Turning to page 123, I will refer to the last paragraph on that page. 
The government must be disarmed.  
It changes the class structure. 
This is a step backwards. 
Changing these rules is anything but fair and anything but equitable.  
It is not only debates that take place here, as we know. 
This motion very much touches upon the ability to work at committee.  
Mrs. Suzanne Tremblay (Rimouski-Mitis, BQ):
Each member can propose only one amendment.  
There are always exceptions, of course, and these restrictions do not apply to ministers. 
The contemporary role of the House of Commons is to monitor government action. 
According to Marleau and Montpetit, at page 261, and I quote: 
This decision leaves him a certain discretion that he must exercise with the utmost impartiality. 
This flows from tradition.  
He would become nothing more than a ceremonial presence in the House. 
This would be a dangerous precedent that could jeopardize the democratic operation of the House.  
As Maingot wrote on page 26 of Parliamentary Privilege in Canada : 
This is contempt of the House.  
Without your energetic intervention, parliament could become a totally meaningless institution.  
Afterwards, I will return to this matter.  
Mr. John Maloney (Erie-Lincoln, Lib.):
I commend our officers for their dedication, pride and professionalism. 
They epitomize their motto ``Unity, Responsibility, Loyalty''.  
Mr. Garry Breitkreuz (Yorkton-Melville, Ref.):
Mr. Kroeger gave this warning to the transportation committee on Tuesday: 
Mr. Stan Dromisky (Thunder Bay-Atikokan, Lib.):
Mr. Guy St-Julien (Abitibi-Baie-James-Nunavik, Lib.):
Mr. David Pratt (Nepean-Carleton, Lib.):
A beautiful aboriginal centre is proposed for Victoria Island. 
Also Lebreton Flats will finally be redeveloped.  
Mr. Art Hanger (Calgary Northeast, Ref.):
I often passed Miss Archer in the hallway of my apartment building. 
She received dozens of awards and five honorary doctorates. 
Violet was named a member of the Order of Canada in 1983. 
Mrs. Nancy Karetak-Lindell (Nunavut, Lib.):
I also applaud other members who will be attending the games to lend their support.  
Ms. Caroline St-Hilaire (Longueuil, BQ):
What is the Liberal government's next step going to be? 
No way, Mr. Speaker. 
Mr. Derek Lee (Scarborough-Rouge River, Lib.):
Mr. Jay Hill (Prince George-Peace River, Ref.):
Ms. Aileen Carroll (Barrie-Simcoe-Bradford, Lib.):
INTERNATIONAL WOMEN'S DAY 
Mrs. Michelle Dockrill (Bras d'Or-Cape Breton, NDP):
For Canadian women the next seven months will be very exciting. 
The women will all come marching, marching hand in hand.  
Mr. Serge Cardin (Sherbrooke, BQ):
He concluded as follows: 
GROUPE D'IMPRIMERIE SAINT-JOSEPH 
Mr. Marcel Proulx (Hull-Aylmer, Lib.):
The new name marks changes in a historic institution. 
May the Groupe d'imprimerie Saint-Joseph and its employees enjoy a long life.  
Mr. Greg Thompson (New Brunswick Southwest, PC):
Here is its record: no plan, no vision, no ideas. 
INTERNATIONAL WOMEN'S DAY 
Ms. Paddy Torsney (Burlington, Lib.):
Mrs. Diane Ablonczy (Calgary-Nose Hill, Ref.):
Hon. Herb Gray (Deputy Prime Minister, Lib.):
She was totally wrong on that. 
Her colleagues' accusations were baseless. 
That would be communication.  
Mrs. Diane Ablonczy (Calgary-Nose Hill, Ref.):
Mr. Speaker, it is the government that cannot get its story straight.  
Again this communications plan is very extensive. 
Ms. Bonnie Brown (Parliamentary Secretary to Minister of Human Resources Development, Lib.):
I know that the member for Calgary-Nose Hill would also want to refrain. 
I would invite the parliamentary secretary to continue with her answer.  
I apologize, Mr. Speaker. 
That happened on November 17, 1999. 
Mrs. Diane Ablonczy (Calgary-Nose Hill, Ref.):
By the end of August her department had produced an extensive communications plan.  
The hon. Parliamentary Secretary to the Minister of Human Resources Development.  
Ms. Bonnie Brown (Parliamentary Secretary to Minister of Human Resources Development, Lib.):
The department did what it should have done. 
There is nothing untoward about this.  
Mr. Chuck Strahl (Fraser Valley, Ref.):
Here is what actually happened. 
Hon. Herb Gray (Deputy Prime Minister, Lib.):
That was totally wrong. 
Mr. Chuck Strahl (Fraser Valley, Ref.):
Everyone knows what is going on. 
The department knew there was a crisis. 
What did it do? 
It did not fix the problem. 
It said it would have to develop a communications plan. 
A communications plan went ahead in August. 
The department suggested that the audit be released in October. 
Ms. Bonnie Brown (Parliamentary Secretary to Minister of Human Resources Development, Lib.):
Mr. Speaker, I want to correct the record on a few things the member said. 
Such is not the case. 
We have reiterated that over and over again. 
But they will put a negative spin on everything.  
Mr. Gilles Duceppe (Laurier-Sainte-Marie, BQ):
Pretty soon they will run out of investigators.  
Hon. Herb Gray (Deputy Prime Minister, Lib.):
Mr. Gilles Duceppe (Laurier-Sainte-Marie, BQ):
That is what is going on.  
Is that not enough?  
Hon. Herb Gray (Deputy Prime Minister, Lib.):
Mr. Speaker, we are still hearing names of people like Bouchard and Landry- 
Mr. Paul Crete (Kamouraska-Riviere-du-Loup-Temiscouata-Les Basques, BQ):
Mr. Speaker, the Montreal Gazette announced today that, in a letter- 
It is difficult to hear the questions and the replies. 
I know that everyone wants to hear.  
Ms. Bonnie Brown (Parliamentary Secretary to Minister of Human Resources Development, Lib.):
There are 30,000 projects. 
But if we keep focusing on the people over here, then I suggest- 
Mr. Paul Crete (Kamouraska-Riviere-du-Loup-Temiscouata-Les Basques, BQ):
Hon. Herb Gray (Deputy Prime Minister, Lib.):
Why does he undermine the auditor general's efforts?  
These investigations are conducted at arm's length from the government. 
The hon. member should rethink his approach on this issue.  
Mr. Bill Blaikie (Winnipeg-Transcona, NDP):
Mr. Speaker, my question is for the Deputy Prime Minister.  
Hon. Herb Gray (Deputy Prime Minister, Lib.):
It is being actively studied. 
Mr. Bill Blaikie (Winnipeg-Transcona, NDP):
It is not as if the government did not know what would be tabled yesterday.  
Hon. Herb Gray (Deputy Prime Minister, Lib.):
We will carry out our responsibilities.  
Mr. Greg Thompson (New Brunswick Southwest, PC):
That includes, by the way, the Liberal Premier of Newfoundland.  
We have been waiting seven years.  
Hon. Herb Gray (Deputy Prime Minister, Lib.):
That is the basis for an effective plan. 
I speak of Quebec- 
The hon. member for New Brunswick Southwest.  
Mr. Greg Thompson (New Brunswick Southwest, PC):
Mr. Speaker, that answer is absolutely bogus. 
We are 10 years behind the eight ball. 
When are they going to get the message? 
They created the problem. 
We want a plan to fix it. 
Where is the plan?  
Hon. Herb Gray (Deputy Prime Minister, Lib.):
Mr. Jay Hill (Prince George-Peace River, Ref.):
The department was considering a release date as early as September. 
Ms. Bonnie Brown (Parliamentary Secretary to Minister of Human Resources Development, Lib.):
There was absolutely no idea of not releasing it. 
Mr. Jay Hill (Prince George-Peace River, Ref.):
Senior officials were engaged in these discussions. 
In January, however, Reform sniffed out the audit.  
They do not want to know the facts. 
They want to draw conclusions without facts.  
Mrs. Christiane Gagnon (Quebec, BQ):
Ms. Bonnie Brown (Parliamentary Secretary to Minister of Human Resources Development, Lib.):
Mrs. Christiane Gagnon (Quebec, BQ):
Ms. Bonnie Brown (Parliamentary Secretary to Minister of Human Resources Development, Lib.):
That is a better record than that of the private sector.  
Mr. Deepak Obhrai (Calgary East, Ref.):
Hon. Pierre S. Pettigrew (Minister for International Trade, Lib.):
It is simple and clear. 
Earth Canada has not received one cent from the EDC. 
Mr. Grant McNally (Dewdney-Alouette, Ref.):
Hon. Pierre S. Pettigrew (Minister for International Trade, Lib.):
Those are the facts. 
The opposition is completely wrong.  
Mrs. Suzanne Tremblay (Rimouski-Mitis, BQ):
However, Placeteco is not being investigated. 
Does the Deputy Prime Minister not find this situation somewhat disturbing?  
Hon. Herb Gray (Deputy Prime Minister, Lib.):
Mr. Speaker, the hon. member did not give notice of her question. 
Mrs. Suzanne Tremblay (Rimouski-Mitis, BQ):
Mr. Speaker, I find the reaction of the Deputy Prime Minister really disturbing. 
I put my question to a former Solicitor General of Canada, a man of experience. 
Ms. Bonnie Brown (Parliamentary Secretary to Minister of Human Resources Development, Lib.):
Mr. Chuck Cadman (Surrey North, Ref.):
Hon. Pierre S. Pettigrew (Minister for International Trade, Lib.):
If the member wants to ask me any question I will gladly answer. 
Mr. Lee Morrison (Cypress Hills-Grasslands, Ref.):
He has very cleverly evaded and danced around that question. 
He avoids the Earth Canada connection with Petrobras.  
Hon. Pierre S. Pettigrew (Minister for International Trade, Lib.):
Mr. Speaker, ministers do not sign off on these kinds of applications. 
There has not been any line of credit extended to Earth Canada. 
They are private sector companies. 
Mr. Rene Laurin (Joliette, BQ):
We also know that Moustiqu'Air Top Net went out of business.  
Ms. Bonnie Brown (Parliamentary Secretary to Minister of Human Resources Development, Lib.):
Therefore, I cannot answer. 
Mr. Paul Szabo (Mississauga South, Lib.):
Mr. Yvon Charbonneau (Parliamentary Secretary to Minister of Health, Lib.):
Last year Health Canada launched the ``Back to Sleep'' campaign.  
In French, the theme of this awareness campaign is ``Dodo sur le dos''. 
We recommend that infants be raised- 
The hon. member for Vancouver Island North.  
Mr. John Duncan (Vancouver Island North, Ref.):
The media is now reporting that there are more than nine police investigations. 
We know that at least two of them are in the Prime Minister's riding.  
I would like to know from the minister, where are the other investigations?  
Where are the investigations?  
Ms. Bonnie Brown (Parliamentary Secretary to Minister of Human Resources Development, Lib.):
Mr. Dale Johnston (Wetaskiwin, Ref.):
Hon. Herb Gray (Deputy Prime Minister, Lib.):
Mr. Speaker, police investigations are carried on at arm's length from the government. 
They are not trials. 
Hon. Lorne Nystrom (Regina-Qu'Appelle, NDP):
These estimates allocate an extra 10.7% in spending for the Senate. 
That is up 29% over the last three years. 
Hon. Don Boudria (Leader of the Government in the House of Commons, Lib.):
Hon. Lorne Nystrom (Regina-Qu'Appelle, NDP):
Maybe I could put it a different way. 
Please come clean on this.  
Hon. Don Boudria (Leader of the Government in the House of Commons, Lib.):
Mr. Speaker, I would not want to give the House inaccurate information. 
Let me be even more precise. 
Mr. Gerald Keddy (South Shore, PC):
Mr. Speaker, my question is for the Minister of Transport.  
Truckers are protesting in Ottawa today. 
Mr. Brent St. Denis (Parliamentary Secretary to Minister of Natural Resources, Lib.):
Mr. Mark Muise (West Nova, PC):
Hon. Don Boudria (Leader of the Government in the House of Commons, Lib.):
Mr. Speaker, the hon. member has asked us a detailed question about the aboriginal fishery. 
Mr. Ian Murray (Lanark-Carleton, Lib.):
Mr. Speaker, my question is for the Secretary of State for Multiculturalism.  
Hon. Hedy Fry (Secretary of State (Multiculturalism)(Status of Women), Lib.):
Mr. Philip Mayfield (Cariboo-Chilcotin, Ref.):
Hon. Herb Gray (Deputy Prime Minister, Lib.):
The premise of the member's question is totally off base, as usual.  
Mr. Jean-Guy Chretien (Frontenac-Megantic, BQ):
I submitted a request for information by following the suggested procedure. 
Ms. Bonnie Brown (Parliamentary Secretary to Minister of Human Resources Development, Lib.):
His House leader and his Whip I believe are in charge of them. 
Those papers have been provided by the department for his perusal. 
I am sure he can find it in there.  
Mr. Yvon Godin (Acadie-Bathurst, NDP):
Mr. Speaker, the federal government must assume its responsibilities in health care.  
Mr. Yvon Charbonneau (Parliamentary Secretary to Minister of Health, Lib.):
One step has therefore already been taken.  
We hope this will be done as soon as May.  
CANADIAN INTERNATIONAL DEVELOPMENT AGENCY 
Ms. Diane St-Jacques (Shefford, PC):
Abattoir Bellerive received a CIDA contract worth $117,400.  
Hon. Maria Minna (Minister for International Cooperation, Lib.):
Mr. Speaker, I must say that I do not have that information with me. 
I will take notice and report back to the House on that particular question. 
I am not familiar with that at this point.  
Mr. Irwin Cotler (Mount Royal, Lib.):
Hon. Hedy Fry (Secretary of State (Multiculturalism)(Status of Women), Lib.):
I could go on and on but I do not have the time.  
Mr. Gurmant Grewal (Surrey Central, Ref.):
Hon. Herb Gray (Deputy Prime Minister, Lib.):
Mr. Speaker, I will give the hon. member 1.9 million reasons. 
Mr. Pierre Brien (Temiscamingue, BQ):
The government's credibility is at stake, and taxpayer confidence is being undermined.  
My question is for the Deputy Prime Minister. 
Hon. Herb Gray (Deputy Prime Minister, Lib.):
Their undermining in this House of the work of the auditor general is scandalous.  
Mrs. Michelle Dockrill (Bras d'Or-Cape Breton, NDP):
My question is for the minister responsible for ACOA. 
When will the NDP start supporting employment in Cape Breton?  
On a point of order, Mr. Speaker. 
I am in the middle of a question of privilege. 
Mr. Jay Hill (Prince George-Peace River, Ref.):
Does the hon. member have permission to the table the documents?  
Mr. Ken Epp (Elk Island, Ref.):
If it wants to intervene I am prepared to hear that. 
If it does not want to intervene that is okay. 
Hon. Don Boudria (Leader of the Government in the House of Commons, Lib.):
Mr. Speaker, however one wants to refer to it, my intervention will be very brief. 
I want to make another observation, only from what I see here in the chair. 
It was well done.  
Mr. Gilles Duceppe (Laurier-Sainte-Marie, BQ):
Are we agreed on that?  
We agree that, if necessary, I will get back to the House. 
I will give it thought between now and our return. 
If necessary, I will come back to it.  
Mrs. Suzanne Tremblay (Rimouski-Mitis, BQ):
I wonder if you are prepared to entertain such a motion?  
No, not at this time.  
Mr. Peter MacKay (Pictou-Antigonish-Guysborough, PC):
This window is essentially closed and the blinds are pulled. 
It is a very important lifeline and form of communication.  
I want to consult to see if I can get some kind of an explanation.  
It should be in the hon. member's hands soon.  
However, I am guided by the precedent of Mr. Speaker Macnaughton. 
Mr. Daniel Turp (Beauharnois-Salaberry, BQ):
Mr. Speaker, I rise on a point of order on this.  
I just ruled on this issue.  
I would appreciate it if you allowed me to add something. 
You quoted a comment made by a predecessor of yours in the sixties.  
We are now in the electronic era. 
Based on the statements- 
We are doing our best. 
GOVERNMENT RESPONSE TO PETITIONS 
That the House do now proceed to orders of the day.  
This is in order. 
All those in favour of the motion will please say yea.  
All those opposed will please say nay.  
In my opinion the yeas have it.  
And more than five members having risen: 
(The House divided on the motion, which was agreed to on the following division:) 
I declare the motion carried.  
The motions will be grouped for debate as follows.  
Motions Nos. 1 to 12. 
Motions Nos. 13 to 68.  
Motions Nos. 84 to 89.  
The Chair will remind the House of each pattern at the time of voting.  
MOTIONS IN AMENDMENT TO BILL C-20 
Mr. Daniel Turp (Beauharnois-Salaberry, BQ):
This is of the utmost importance. 
It goes on to say: 
...a fundamental right without which they would be hampered in the performance of their duties. 
BILL C-20-NOTICE OF TIME ALLOCATION MOTION 
Hon. Don Boudria (Leader of the Government in the House of Commons, Lib.):
Is there unanimous consent of the House?  
Mr. Speaker, on a point of order. 
I think we have seen the type of democracy this government has to offer. 
Let us proceed with debate.  
Ms. Caroline St-Hilaire (Longueuil, BQ) moved: 
That Bill C-20 be amended by deleting the title.  
Mr. Yvan Bernier (Bonaventure-Gaspe-Iles-de-la-Madeleine-Pabok, BQ) moved: 
Ms. Caroline St-Hilaire (Longueuil, BQ) moved: 
Ms. Helene Alarie (Louis-Hebert, BQ) moved: 
Mr. Daniel Turp (Beauharnois-Salaberry, BQ) moved: 
Mr. Yvan Bernier (Bonaventure-Gaspe-Iles-de-la-Madeleine-Pabok, BQ) moved: 
Mr. Rene Canuel (Matapedia-Matane, BQ) moved: 
Mr. Pierre de Savoye (Portneuf, BQ) moved: 
Mr. Daniel Turp (Beauharnois-Salaberry, BQ) moved: 
Mrs. Pauline Picard (Drummond, BQ) moved: 
Mr. Serge Cardin (Sherbrooke, BQ) moved: 
Mrs. Francine Lalonde (for Mrs. Pierrette Venne) moved: 
Ms. Helene Alarie (Louis-Hebert, BQ):
For this reason alone, Bill C-20 is undeniably undemocratic. 
For this very obvious reason, Bill C-20 is clearly undemocratic.  
At this point, I move: 
And I sign the amendment, so as to prove that all is transparent with us.  
This is called the freedom to have the country of our choice.  
There is a reason to be concerned. 
When considering that, we have to look at where that feeling arises from.  
The Prime Minister spoke about it during the 1995 referendum. 
That has been stated over and over again by members of the Bloc Quebecois.  
It is unfortunate that the tools one has to deal with are heavy handed. 
That is what they want us to delete, but there is more. 
That is what they want us to delete.  
Today's debate is now over.  
The House resumed from February 18 consideration of the motion.  
The Acting Speaker (Mr. McClelland):
Mr. Pat Martin (Winnipeg Centre, NDP):
It is a very worthwhile and timely motion. 
That certainly is what caught in the craw of most Canadians. 
It goes beyond manslaughter. 
I am very pleased to join in the debate on the motion. 
I think it is a very worthwhile motion. 
I come from the building trade, the construction industry. 
I am no stranger to seeing people injured and killed on job sites. 
I picked up their tools so they would not lay in the mud.  
I am all too familiar with it. 
I feel very strongly about that. 
I think we have made that point clearly.  
The economics are clear. 
That is not just a traffic violation. 
The kid blew himself to kingdom come. 
Mr. Speaker, I rise on a point of order. 
The Acting Speaker (Mr. McClelland):
The hon. member for Winnipeg Centre is of course afforded the same privilege.  
Mr. Gerald Keddy (South Shore, PC):
I would like to explain what happened on that dreadful morning in May 1992. 
Motion No. 79 reads as follows: 
This approach cannot be condoned in any capacity. 
Of course the bottom line of any business is to make a profit. 
In short, profitability equals sustainability.  
However, we must not let employers allow profits to take precedence over workplace safety. 
As stated in Chief Justice Richard's report: 
Mr. John Bryden (Wentworth-Burlington, Lib.):
It is very, very dramatic. 
I should say that Hamilton is an industrial town. 
It has two major steel corporations and a number of heavy industries. 
This motion is directed toward the idea of wilful negligence.  
These things do occur and they are dreadful tragedies. 
The difficulty I have with the motion is twofold. 
But the small entrepreneurs often fail in this regard.  
I will give an example. 
Indeed, Mr. Speaker, you could reduce it even further. 
You could take this problem of industrial safety to the farm.  
It might have been a son who died or a farmhand who died.  
I see a member opposite nodding. 
I see some sympathy there. 
Mr. Yvon Godin (Acadie-Bathurst, NDP):
We lost friends in this tragedy, 26 miners. 
The same thing happened in others mines in my riding.  
He appealed and lost his appeal. 
He then appeared before an adjudicator and won his case. 
The same thing happened at the Westray mine.  
That is what happened at Westray mine. 
Those people claimed it was an unsafe workplace. 
I worked underground for 15 years. 
In 1976 within a period of 18 months, we buried six workers. 
Hon. members know how they felt. 
It is totally unacceptable and it should never be tolerated in Canada. 
We are not asking for something that is out of the ordinary. 
We see it every day. 
We cannot hide behind facts. 
Mr. Dale Johnston (Wetaskiwin, Ref.):
This is only reasonable.  
We have to be very cautious and strike a balance. 
It is up to the employer to provide a safe workplace. 
I have appreciated the opportunity to say a few words to the motion. 
Ms. Bev Desjarlais (Churchill, NDP):
There was no doubt in anybody's mind whatsoever what happened at Westray. 
There was no question, but what was missing was the law to hold them accountable.  
But what did we do to improve those situations? 
We brought in laws.  
We heard a lot about what happened at Westray. 
Canadians nationwide were appalled. 
It does not happen. 
They give up that right. 
Why are those rights not there? 
It is to protect corporations. 
It is not to protect the workers. 
Workers do not have the same rights. 
They cannot sue their employer for outright negligence. 
This is not about whimsical approaches. 
How can we ask for justice?  
Mr. Mark Muise (West Nova, PC):
Mr. Speaker, I rise with pleasure this afternoon to participate in this debate. 
I and indeed the entire caucus of the PC party support the motion fully.  
The final tabling of this report occurred five years later in November 1997. 
The report entitled The Westray Story:
A Predictable Path to Disaster contained 74 recommendations. 
Allow me to take a moment to read from Justice Richard's report: 
There are ways to prevent such tragedies. 
This is precisely what this motion would address.  
Section 220 of the criminal code refers specifically to criminal negligence causing death. 
Similarly section 234 refers to manslaughter. 
It is my hope that the devastation of the Westray disaster will not be forgotten. 
The significance of that failure cannot be overstated. 
Simply because others were also abdicating their responsibilities is not an answer. 
Mrs. Monique Guay (Laurentides, BQ):
The federal government seems to forget such disasters quickly. 
It says we should do this and that. 
Employers take advantage of this, particularly big companies such as the ones operating the mine. 
They can afford to pay them.  
This is a crucial point and I think it should be entirely reviewed.  
Powers should also be given to these industries' employees. 
They should be able to lodge complaints. 
I also noted other significant errors in this document. 
Fines are imposed, but nothing is said about the way they will be collected. 
Inspectors do not deal with that. 
Very often, the government does not do its job. 
We must never ever see such a tragedy again.  
We have some work to do in this area. 
Legal proceedings for instance. 
I believe justice must be done. 
Those who are really to blame, who were negligent, must pay for their mistakes. 
The Acting Speaker (Mr. McClelland):
(The House adjourned at 2.29 p.m.) 
