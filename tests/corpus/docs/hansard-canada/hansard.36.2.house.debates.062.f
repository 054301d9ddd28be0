36 e Legislature, 2 ieme Session 
HANSARD REVISE * NUMERO 62 
Le vendredi 3 mars 2000 
M. Guy St-Julien 
Mme Nancy Karetak-Lindell 
Mme Caroline St-Hilaire 
LA JOURNEE INTERNATIONALE DE LA FEMME 
LE GROUPE D'IMPRIMERIE SAINT-JOSEPH 
LA JOURNEE INTERNATIONALE DE LA FEMME 
L'hon. Pierre S. Pettigrew 
L'hon. Pierre S. Pettigrew 
L'hon. Pierre S. Pettigrew 
L'hon. Pierre S. Pettigrew 
M. Brent St. Denis 
M. Jean-Guy Chretien 
L'AGENCE CANADIENNE DE DEVELOPPEMENT INTERNATIONAL 
Mme Diane St-Jacques 
L'hon. George S. Baker 
REPONSE DU GOUVERNEMENT A DES PETITIONS 
LOI DONNANT EFFET A L'EXIGENCE DE CLARTE FORMULEE PAR LA 
Projet de loi C-20. Etape du rapport 
Les motions d'amendement au projet de loi C-20 
LOI DONNANT EFFET A L'EXIGENCE DE CLARTE FORMULEE PAR LA 
Projet de loi C-20-Avis de motion concernant l'attribution 
Mme Caroline St-Hilaire 
Mme Caroline St-Hilaire 
M. Pierre de Savoye 
HANSARD REVISE * NUMERO 62 
Le vendredi 3 mars 2000 
La seance est ouverte a 10 heures.  
M. Gilles Duceppe (Laurier-Sainte-Marie, BQ):
Cela serait injuste, parce que la motion etablirait ainsi une discrimination intolerable entre les parlementaires. 
Cela ne couterait peut-etre rien? 
La democratie coute quelque chose. 
C'est nettement preferable aux endroits ou il n'y a pas de democratie.  
Cela ne tient pas.  
Plus important, monsieur le President, c'est votre role qui est en cause. 
Cette motion ferait de vous un instrument aux mains du gouvernement. 
M. Stephane Bergeron (Vercheres-Les-Patriotes, BQ):
Monsieur le President, je veux bien comprendre ce que vous venez de declarer. 
C'est tout a fait inacceptable.  
Pour une raison ou une autre, elle ne l'est pas aujourd'hui. 
Mais quand sera-t-elle discutee? 
Quand allons-nous remettre en question nos droits et nos privileges de parlementaires? 
Je vous invite a vous pencher la-dessus.  
Monsieur le President, j'invoque le Reglement.  
M. Chuck Strahl (Fraser Valley, Ref.): 
Les tribunaux ont clairement reconnu que les conventions font partie de notre constitution. 
Je crois que cela constituerait un tres dangereux precedent. 
Deux cas semblables se sont produits durant la derniere legislature au sujet des comites. 
La motion no 8 vise l'opposition. 
La motion no 8 est offensante. 
Stanley Knowles, ancien depute puis greffier a la Chambre, a un jour dit ceci: 
Le gouvernement a invoque la cloture 62 fois jusqu'a present. 
Il fait couramment couler de l'information destinee a la Chambre des communes. 
Tout ce qui restera, ce sera les initiatives parlementaires. 
Je citerai pour terminer un depute de l'Assemblee legislative de la Nouvelle-Ecosse. 
Voici ce que M. Holm a dit, le 26 janvier 1995: 
Cela n'a jamais ete aussi vrai qu'aujourd'hui. 
Il y a une possibilite de compromis et de collaboration. 
C'est exactement ce qu'a souligne le whip du Bloc quebecois.  
Je remercie l'honorable depute pour avoir clarifie les choses. 
Je vais ecouter quelques autres deputes au sujet de cette question.  
M. Bill Blaikie (Winnipeg-Transcona, NPD):
Toutes ces questions meritent qu'on en tienne compte.  
Nous ne savions pas exactement quelle serait la procedure utilisee. 
Ce n'est pas une chose qui me plait. 
Ce devrait etre tout le contraire.  
Elle n'ameliore pas la situation et ne regle pas le probleme. 
C'est une motion qui nous appartient tous. 
M. Peter MacKay (Pictou-Antigonish-Guysborough, PC):
De toute evidence, cette motion vise une seule mesure legislative et un parti en particulier.  
A la Chambre, nous devons reagir et nous conduire avec impartialite et equite. 
Monsieur le President, je sais que vous etes amateur de hockey. 
Je voudrais parler expressement de la question de l'intimidation. 
Je renvoie la presidence a la 22e edition de l'ouvrage d'Erskine May. 
Je cite maintenant un extrait du dernier paragraphe de la page 123. 
Il faut desarmer le gouvernement.  
Elle modifie la structure des classes. 
Cette motion constitue un recul. 
Le fait de modifier ces regles est tout a fait inequitable et injuste.  
Comme nous le savons, cela ne touche pas simplement les debats dans cette enceinte. 
Cette motion empiete egalement sur notre capacite de travailler au comite.  
Mme Suzanne Tremblay (Rimouski-Mitis, BQ):
Le nombre d'amendements par depute est limite a un seul amendement.  
Evidemment, il y a toujours une exception: ces limites ne s'appliquent pas aux ministres. 
Le role contemporain de la Chambre des communes est de controler l'action gouvernementale. 
Selon Marleau-Montpetit, a la page 261, et je cite: 
Cette decision lui laisse une certaine discretion qu'il doit exercer en toute impartialite. 
C'est la le resultat d'une tradition.  
Il devient tout simplement un personnage protocolaire. 
Ce serait un dangereux precedent qui pourrait nuire au fonctionnement democratique de cette Chambre.  
Comme l'ecrit Maingot dans Le Privilege parlementaire au Canada , a la page 26: 
C'est un outrage a la Chambre.  
Sans votre intervention energique, le Parlement pourrait devenir une institution completement vide de sens.  
Je reviendrai par la suite sur cette question.  
M. John Maloney (Erie-Lincoln, Lib.):
Je felicite nos officiers de police pour leur devouement, leur fierte et leur professionnalisme. 
Ils incarnent bien la devise de leur service, Unite, Responsabilite et Loyaute.  
M. Garry Breitkreuz (Yorkton-Melville, Ref.): 
Mardi dernier, M. Kroeger a presente au comite des transports la mise en garde suivante: 
M. Stan Dromisky (Thunder Bay-Atikokan, Lib.):
M. Guy St-Julien (Abitibi-Baie-James-Nunavik, Lib.):
M. David Pratt (Nepean-Carleton, Lib.):
Un magnifique centre autochtone est propose pour l'ile Victoria. 
De plus, les plaines Lebreton seront enfin reamenages.  
M. Art Hanger (Calgary-Nord-Est, Ref.): 
J'ai souvent rencontre mademoiselle Archer dans les corridors de mon immeuble. 
Elle a recu des douzaines de prix et cinq doctorats honorifiques. 
Violet a ete nommee membre de l'Ordre du Canada en 1983. 
Mme Nancy Karetak-Lindell (Nunavut, Lib.):
Je felicite aussi les autres deputes qui assisteront aux jeux pour apporter leur appui.  
Mme Caroline St-Hilaire (Longueuil, BQ):
Quelle est la prochaine etape pour le gouvernement liberal? 
Jamais, monsieur le President!  
M. Derek Lee (Scarborough-Rouge River, Lib.):
M. Jay Hill (Prince George-Peace River, Ref.): 
Mme Aileen Carroll (Barrie-Simcoe-Bradford, Lib.):
LA JOURNEE INTERNATIONALE DE LA FEMME 
Mme Michelle Dockrill (Bras d'Or-Cape Breton, NPD):
Les sept prochains mois seront excitants pour les femmes canadiennes. 
Les femmes marcheront main dans la main. 
M. Serge Cardin (Sherbrooke, BQ):
Il terminait en disant: 
LE GROUPE D'IMPRIMERIE SAINT-JOSEPH 
M. Marcel Proulx (Hull-Aylmer, Lib.):
Cette nouvelle appellation marque l'evolution d'une institution historique. 
Longue vie au Groupe d'imprimerie Saint-Joseph et a ses employes.  
M. Greg Thompson (Nouveau-Brunswick-Sud-Ouest, PC):
Voici son bilan: aucun plan, aucune vision, aucune idee. 
LA JOURNEE INTERNATIONALE DE LA FEMME 
Mme Paddy Torsney (Burlington, Lib.):
Mme Diane Ablonczy (Calgary-Nose Hill, Ref.): 
L'hon. Herb Gray (vice-premier ministre, Lib.):
Elle avait completement tort a ce sujet. 
Les accusations de ses collegues etaient sans fondement. 
Ce serait ca, la communication.  
Mme Diane Ablonczy (Calgary-Nose Hill, Ref.): 
Monsieur le President, c'est le gouvernement qui ne joue pas franc jeu.  
Encore une fois, ce plan de communications est tres exhaustif. 
Mme Bonnie Brown (secretaire parlementaire de la ministre du Developpement des ressources humaines, Lib.):
Je sais que la deputee de Calgary-Nose Hill voudra aussi faire attention. 
J'invite la secretaire parlementaire a poursuivre sa reponse.  
Je m'excuse, monsieur le President.  
Cela s'est produit le 17 novembre 1999. 
Mme Diane Ablonczy (Calgary-Nose Hill, Ref.): 
A la fin d'aout, le ministere avait produit un plan de communications exhaustif.  
La secretaire parlementaire de la ministre du Developpement des ressources humaines a la parole.  
Mme Bonnie Brown (secretaire parlementaire de la ministre du Developpement des ressources humaines, Lib.):
Le ministere a fait ce qu'il fallait faire. 
Il n'y a rien de mal a cela.  
M. Chuck Strahl (Fraser Valley, Ref.): 
Voici ce qui s'est vraiment produit. 
L'hon. Herb Gray (vice-premier ministre, Lib.):
Cette accusation etait sans aucun fondement. 
M. Chuck Strahl (Fraser Valley, Ref.): 
Tout le monde sait ce qui se passe. 
Le ministere savait qu'il y avait crise. 
Qu'a fait le ministere? 
Il n'a pas regle le probleme. 
Il a dit qu'il lui faudrait elaborer un plan de communications. 
Le plan a ete mis en oeuvre en aout. 
Le ministere a annonce la publication du rapport de verification en octobre. 
Mme Bonnie Brown (secretaire parlementaire de la ministre du Developpement des ressources humaines, Lib.):
Je voudrais apporter quelques rectifications a ce qu'a dit le depute. 
Ce n'est pas le cas. 
Nous l'avons dit et redit. 
Mais elles donneront tout de meme une coloration negative a tout le reste.  
M. Gilles Duceppe (Laurier-Sainte-Marie, BQ):
Au rythme ou vont les choses, on va manquer d'enqueteurs.  
L'hon. Herb Gray (vice-premier ministre, Lib.):
M. Gilles Duceppe (Laurier-Sainte-Marie, BQ):
C'est ca qui se passe.  
Est-ce que cela ne suffit pas?  
L'hon. Herb Gray (vice-premier ministre, Lib.):
Monsieur le President, nous entendons toujours des noms comme Bouchard et Landry...  
M. Paul Crete (Kamouraska-Riviere-du-Loup-Temiscouata-Les Basques, BQ):
Monsieur le President, la Gazette de Montreal annonce aujourd'hui qu'une lettre...  
C'est difficile d'entendre les questions et les reponses. 
Je sais que tout le monde veut les entendre.  
Mme Bonnie Brown (secretaire parlementaire de la ministre du Developpement des ressources humaines, Lib.):
Il y a 30 000 projets. 
Cependant, si nous ne faisons que nous interesser aux criminels, je propose alors...  
M. Paul Crete (Kamouraska-Riviere-du-Loup-Temiscouata-Les Basques, BQ):
L'hon. Herb Gray (vice-premier ministre, Lib.):
Pourquoi le depute mine-t-il les efforts du verificateur general de faire son travail?  
Ces enquetes sont a distance du gouvernement. 
L'honorable depute doit repenser sa methode de travail dans ce dossier. 
M. Bill Blaikie (Winnipeg-Transcona, NPD):
Monsieur le President, ma question s'adresse au vice-premier ministre.  
L'hon. Herb Gray (vice-premier ministre, Lib.):
Nous venons tout juste d'etre informes de cette mesure. 
M. Bill Blaikie (Winnipeg-Transcona, NPD):
Ce n'est pas comme s'il ne savait pas qu'il serait depose hier.  
L'hon. Herb Gray (vice-premier ministre, Lib.):
Et nous assumerons nos responsabilites.  
M. Greg Thompson (Nouveau-Brunswick-Sud-Ouest, PC):
En passant, cela inclut aussi le premier ministre liberal de Terre-Neuve.  
Nous l'attendons depuis sept ans.  
L'hon. Herb Gray (vice-premier ministre, Lib.):
Ce sont la les fondations d'un plan efficace. 
Je parle du Quebec...  
Le depute de Nouveau-Brunswick-Sud-Ouest a la parole.  
M. Greg Thompson (Nouveau-Brunswick-Sud-Ouest, PC):
Monsieur le President, c'est la une reponse parfaitement insipide. 
Nous sommes en retard de 10 ans. 
Quand les liberaux comprendront-ils? 
Ce sont eux qui ont cree le probleme. 
Nous voulons un plan pour y remedier. 
Ou est ce plan?  
L'hon. Herb Gray (vice-premier ministre, Lib.):
M. Jay Hill (Prince George-Peace River, Ref.): 
Le ministere envisageait la possibilite de rendre le rapport public des septembre. 
Mme Bonnie Brown (secretaire parlementaire de la ministre du Developpement des ressources humaines, Lib.):
Il n'a absolument pas ete question de ne pas rendre le rapport public. 
M. Jay Hill (Prince George-Peace River, Ref.): 
Des fonctionnaires superieurs participaient a ces discussions. 
Toutefois, en janvier, cette verification a ete eventee grace au flair du Parti reformiste.  
Ils ne veulent pas prendre connaissance des faits. 
Ils veulent tirer des conclusions sans les faits.  
Mme Christiane Gagnon (Quebec, BQ):
Mme Bonnie Brown (secretaire parlementaire de la ministre du Developpement des ressources humaines, Lib.):
Mme Christiane Gagnon (Quebec, BQ):
Mme Bonnie Brown (secretaire parlementaire de la ministre du Developpement des ressources humaines, Lib.):
Il s'agit la d'un rendement meilleur que celui du secteur prive.  
M. Deepak Obhrai (Calgary-Est, Ref.): 
L'hon. Pierre S. Pettigrew (ministre du Commerce international, Lib.):
C'est clair et simple. 
Earth Canada n'a pas recu un sou de la SEE. 
M. Grant McNally (Dewdney-Alouette, Ref.): 
L'hon. Pierre S. Pettigrew (ministre du Commerce international, Lib.):
Ce sont la les faits. 
L'opposition a parfaitement tort.  
Mme Suzanne Tremblay (Rimouski-Mitis, BQ):
Pourtant, il n'y a pas d'enquete sur Placeteco. 
Le vice-premier ministre ne trouve-t-il pas un peu troublant toute cette situation?  
L'hon. Herb Gray (vice-premier ministre, Lib.):
Monsieur le President, l'honorable deputee n'a pas donne d'avis concernant sa question. 
Mme Suzanne Tremblay (Rimouski-Mitis, BQ):
Monsieur le President, je trouve vraiment troublante la reaction du vice-premier ministre. 
Je m'adresse a un ancien solliciteur general du Canada, a un homme d'experience. 
Mme Bonnie Brown (secretaire parlementaire de la ministre du Developpement des ressources humaines, Lib.):
M. Chuck Cadman (Surrey-Nord, Ref.): 
L'hon. Pierre S. Pettigrew (ministre du Commerce international, Lib.):
Si le depute a une question a poser, je serai heureux d'y repondre. 
M. Lee Morrison (Cypress Hills-Grasslands, Ref.): 
Il a tres adroitement esquive cette question. 
Il elude egalement le lien entre Earth Canada et Petrobras.  
L'hon. Pierre S. Pettigrew (ministre du Commerce international, Lib.):
Monsieur le President, les ministres n'ont pas a signer ce genre de demandes. 
Aucune marge de credit n'a ete accordee a Earth Canada. 
Ce sont des compagnies du secteur prive. 
M. Rene Laurin (Joliette, BQ):
On sait aussi que Moustiqu'Air Top Net a ferme ses portes.  
Mme Bonnie Brown (secretaire parlementaire de la ministre du Developpement des ressources humaines, Lib.):
Je ne peux donc pas repondre a la question. 
M. Paul Szabo (Mississauga-Sud, Lib.):
M. Yvon Charbonneau (secretaire parlementaire du ministre de la Sante, Lib.):
L'an dernier, Sante Canada a lance la campagne Dodo sur le dos.  
En francais, Dodo sur le dos, est une campagne destinee a sensibiliser le public. 
Nous recommandons que ces enfants soient eleves dans... 
L'honorable depute de Ile de Vancouver-Nord a la parole.  
M. John Duncan (Ile de Vancouver-Nord, Ref.): 
Les medias signalent maintenant qu'il y en a plus de neuf. 
Nous savons qu'au moins deux d'entre elles concernent la circonscription du premier ministre.  
J'aimerais que la ministre nous dise sur quelles circonscriptions portent les autres enquetes.  
Ou sont les enquetes?  
Mme Bonnie Brown (secretaire parlementaire de la ministre du Developpement des ressources humaines, Lib.):
M. Dale Johnston (Wetaskiwin, Ref.): 
L'hon. Herb Gray (vice-premier ministre, Lib.):
Monsieur le President, les enquetes de la police se deroulent a l'ecart du gouvernement. 
Aucun proces n'a ete intente. 
L'hon. Lorne Nystrom (Regina-Qu'Appelle, NPD):
Le Budget des depenses alloue 10,7 p. 100 de plus aux depenses du Senat. 
Cela represente une augmentation de 29 p. 100 en trois ans. 
L'hon. Don Boudria (leader du gouvernement a la Chambre des communes, Lib.):
L'hon. Lorne Nystrom (Regina-Qu'Appelle, NPD):
Peut-etre pourrais-je presenter les choses d'une autre facon. 
S'il vous plait, eclairez notre lanterne.  
L'hon. Don Boudria (leader du gouvernement a la Chambre des communes, Lib.):
Monsieur le President, je ne voudrais pas induire la Chambre en erreur. 
Permettez-moi d'ajouter une precision. 
M. Gerald Keddy (South Shore, PC):
Monsieur le President, ma question s'adresse au ministre des Transports.  
Les camionneurs manifestent aujourd'hui a Ottawa. 
M. Brent St. Denis (secretaire parlementaire du ministre des Ressources naturelles, Lib.):
M. Mark Muise (Ouest Nova, PC):
L'hon. Don Boudria (leader du gouvernement a la Chambre des communes, Lib.):
Monsieur le President, le depute pose une question tres precise sur la peche des autochtones. 
M. Ian Murray (Lanark-Carleton, Lib.):
Monsieur le President, ma question s'adresse a la secretaire d'Etat chargee du Multiculturalisme.  
L'hon. Hedy Fry (secretaire d'Etat (Multiculturalisme) (Situation de la femme), Lib.):
M. Philip Mayfield (Cariboo-Chilcotin, Ref.): 
L'hon. Herb Gray (vice-premier ministre, Lib.):
En posant cette question, le depute erre, comme d'habitude.  
M. Jean-Guy Chretien (Frontenac-Megantic, BQ):
J'ai fait une demande d'information en suivant le processus suggere. 
Mme Bonnie Brown (secretaire parlementaire de la ministre du Developpement des ressources humaines, Lib.):
Je crois que le leader parlementaire et le whip de son parti en sont responsables. 
Le ministere a mis ces documents a sa disposition pour qu'il les consulte. 
Je suis certaine qu'il pourra y trouver la reponse qu'il cherche.  
M. Yvon Godin (Acadie-Bathurst, NPD):
Monsieur le President, le gouvernement federal s'acquitte de ses responsabilites en matiere de sante.  
M. Yvon Charbonneau (secretaire parlementaire du ministre de la Sante, Lib.):
Il y a deja donc un pas de fait.  
Nous esperons que ce sera fait des le mois de mai.  
L'AGENCE CANADIENNE DE DEVELOPPEMENT INTERNATIONAL 
Mme Diane St-Jacques (Shefford, PC):
L'Abattoir Bellerive a recu un contrat de l'ACDI de 117 400 $. 
L'hon. Maria Minna (ministre de la Cooperation internationale, Lib.):
Monsieur le President, je dois dire que je n'ai pas cette information maintenant. 
J'en prends note et je reviendrai ulterieurement sur ce point. 
Je ne connais pas le dossier pour le moment.  
M. Irwin Cotler (Mount Royal, Lib.):
L'hon. Hedy Fry (secretaire d'Etat (Multiculturalisme) (Situation de la femme), Lib.):
Je pourrais continuer encore longuement, mais je n'en ai pas le temps.  
M. Gurmant Grewal (Surrey-Centre, Ref.): 
L'hon. Herb Gray (vice-premier ministre, Lib.):
Monsieur le President, je vais donner au depute 1,9 million de raisons. 
M. Pierre Brien (Temiscamingue, BQ):
La credibilite du gouvernement est en jeu et la confiance des contribuables est minee.  
Ma question s'adresse au vice-premier ministre. 
L'hon. Herb Gray (vice-premier ministre, Lib.):
C'est scandaleux qu'il mine le travail du verificateur general dans cette Chambre.  
Mme Michelle Dockrill (Bras d'Or-Cape Breton, NPD):
Ma question s'adresse au ministre responsable de l'APECA. 
Quand le NPD commencera-t-il a appuyer la creation d'emplois au Cap-Breton?  
J'invoque le Reglement, monsieur le President.  
Je m'occupe deja d'une question de privilege. 
M. Jay Hill (Prince George-Peace River, Ref.): 
Le depute a-t-il le consentement de la Chambre?  
M. Ken Epp (Elk Island, Ref.): 
Si ce dernier veut intervenir, je suis pret a l'entendre. 
Sinon, c'est tres bien. 
L'hon. Don Boudria (leader du gouvernement a la Chambre des communes, Lib.):
Monsieur le President, quoi qu'on en dise, mon intervention sera tres breve. 
Je voudrais faire une autre observation, de mon point de vue au fauteuil. 
Vous avez bien fait les choses.  
M. Gilles Duceppe (Laurier-Sainte-Marie, BQ):
On s'entend sur cela?  
On s'entend que si c'est necessaire, je vais revenir a la Chambre. 
Je vais y penser d'ici a notre retour. 
Si c'est necessaire, je vais revenir.  
Mme Suzanne Tremblay (Rimouski-Mitis, BQ):
Je ne sais pas si vous etes dispose a accueillir cette motion ou non. 
Non, pas en ce moment.  
M. Peter MacKay (Pictou-Antigonish-Guysborough, PC):
Fondamentalement, cette fenetre est fermee et les stores, tires. 
C'est un moyen de communication tres important.  
Je vais consulter pour voir si je peux obtenir une explication.  
Le depute devrait tout avoir bientot.  
Je me base toutefois sur le precedent du president Macnaughton. 
M. Daniel Turp (Beauharnois-Salaberry, BQ):
Monsieur le President, j'invoque le Reglement sur cette question.  
Je viens de rendre ma decision sur cette question.  
J'aimerais que vous me permettiez d'ajouter quelque chose. 
Vous citez votre predecesseur dans un de ses commentaires fait dans les annees 1960.  
Nous sommes maintenant a l'age de l'electronique. 
Si on comprend bien les declarations...  
On essaie de faire notre possible. 
REPONSE DU GOUVERNEMENT A DES PETITIONS 
Que la Chambre passe maintenant a l'ordre du jour.  
La motion est recevable. 
Que tous ceux qui sont en faveur de la motion veuillent bien dire oui.  
Que tous ceux qui sont contre veuillent bien dire non. 
A mon avis, les oui l'emportent.  
Et plus de cinq deputes s'etant leves: 
(La motion, mise aux voix, est adoptee.)  
Je declare la motion adoptee.  
Les motions seront regroupees pour les fins du debat de la facon suivante: 
Les motions nos 1 a 12. 
Les motions nos 13 a 68.  
Les motions nos 84 a 89.  
La Presidence redonnera les details a la Chambre au moment de chaque mise aux voix.  
LES MOTIONS D'AMENDEMENT AU PROJET DE LOI C-20 
M. Daniel Turp (Beauharnois-Salaberry, BQ):
La question est primordiale. 
On ajoute plus loin: 
[...] un droit fondamental, sans lequel ils ne pourraient remplir convenablement leurs fonctions. 
PROJET DE LOI C-20-AVIS DE MOTION CONCERNANT L'ATTRIBUTION DE TEMPS 
L'hon. Don Boudria (leader du gouvernement a la Chambre des communes, Lib.):
Y a-t-il consentement unanime de la Chambre?  
Monsieur le President, j'invoque le Reglement. 
Je pense qu'on a vu la conscience democratique du gouvernement. 
Nous allons maintenant commencer le debat.  
Mme Caroline St-Hilaire (Longueuil, BQ) propose: 
Que le projet de loi C-20 soit modifie par suppression du titre.  
M. Yvan Bernier (Bonaventure-Gaspe-Iles-de-la-Madeleine-Pabok, BQ) propose: 
Mme Caroline St-Hilaire (Longueuil, BQ) propose: 
Mme Helene Alarie (Louis-Hebert, BQ) propose: 
M. Daniel Turp (Beauharnois-Salaberry, BQ) propose: 
M. Yvan Bernier (Bonaventure-Gaspe-Iles-de-la-Madeleine-Pabok, BQ) propose: 
M. Rene Canuel (Matapedia-Matane, BQ) propose: 
M. Pierre de Savoye (Portneuf, BQ) propose: 
M. Daniel Turp (Beauharnois-Salaberry, BQ) propose: 
Mme Pauline Picard (Drummond, BQ) propose: 
M. Serge Cardin (Sherbrooke, BQ) propose: 
Mme Francine Lalonde (au nom de Mme Pierrette Venne) propose: 
Mme Helene Alarie (Louis-Hebert, BQ):
Pour cette seule raison, le projet de loi C-20 est nettement antidemocratique. 
Pour cette raison fort evidente, le projet de loi C-20 est nettement antidemocratique.  
A ce point, je propose: 
J'appose ma signature sur mon amendement, comme quoi tout est transparent chez nous.  
Cela s'appelle la liberte de se choisir un pays.  
Il y a lieu de s'inquieter. 
Il faut se demander d'ou vient le malaise.  
Le premier ministre a aborde le sujet au cours du referendum de 1995. 
C'est ce qu'a toujours declare le Bloc quebecois.  
C'est dommage que les moyens a notre disposition soient energiques. 
Voila ce qu'ils veulent nous voir supprimer. 
Voila ce qu'ils veulent que nous supprimions.  
Nous avons termine le debat sur cette question pour aujourd'hui.  
La Chambre reprend l'etude, interrompue le 18 fevrier, de la motion.  
Le president suppleant (M. McClelland):
M. Pat Martin (Winnipeg-Centre, NPD):
Il s'agit la d'une excellente motion qui est tres a-propos. 
La plupart des Canadiens en ont ete estomaques. 
Je le fais volontiers. 
Je me felicite de participer au debat sur cette motion. 
Je crois qu'il s'agit d'une motion tres valable. 
J'ai travaille dans le domaine du batiment, dans l'industrie de la construction. 
J'ai vu des employes qui ont ete blesses ou tues au travail. 
Je ramassais leurs outils pour qu'ils ne trainent pas dans la boue.  
J'ai trop souvent vecu ces situations. 
J'en suis profondement convaincu. 
Je crois que nous avons ete clairs.  
Les chiffres sont clairs. 
C'est un meurtre. 
Le pauvre jeune a cause une explosion qui l'a emporte en paradis. 
Monsieur le President, j'invoque le Reglement. 
Le president suppleant (M. McClelland):
Le depute de Winnipeg-Centre se prevaut maintenant du meme privilege.  
M. Gerald Keddy (South Shore, PC):
Je voudrais expliquer ce qui s'est produit ce sinistre matin de mai 1992. 
La motion no 79 est libellee comme suit: 
Il ne faut pas encourager pareille attitude. 
Evidemment, le but d'une entreprise est de faire des profits. 
Bref, rentabilite est synonyme de durabilite.  
Cependant, il ne faut pas que la rentabilite l'emporte sur la securite au travail. 
Comme l'indique le rapport du juge Richard: 
M. John Bryden (Wentworth-Burlington, Lib.):
C'est tres, tres impressionnant. 
Je dois dire tout d'abord que Hamilton est une ville industrielle. 
Elle compte deux importantes acieries et bon nombre d'industries lourdes. 
La presente motion vise les cas de negligence volontaire.  
De telles choses se produisent, et ce sont de terribles tragedies. 
Le probleme que me pose la motion est double. 
Les petites entreprises sont souvent fautives a cet egard.  
Je vais en donner un exemple. 
En fait, monsieur le President, on peut simplifier davantage. 
Ce probleme de securite au travail peut egalement se poser sur la ferme.  
Ce peut etre un fils ou un ouvrier agricole qui est mort.  
Je vois un depute en face qui fait signe que oui. 
Je vois la une certaine approbation. 
M. Yvon Godin (Acadie-Bathurst, NPD):
Lors de cette tragedie, on a perdu des confreres, 26 mineurs. 
La meme chose est arrive dans d'autres mines de mon comte.  
Il a porte sa cause en appel et il a perdu. 
Il s'est ensuite presente devant le juge-arbitre et il a gagne sa cause. 
La meme chose est arrivee a la mine Westray.  
C'est ce qui est arrive a la mine de Westray. 
Les gens ont declare que c'etait un milieu de travail dangereux. 
J'ai travaille sous terre pendant 15 ans. 
En 1976, en l'espace de 18 mois, nous avons perdu six de nos travailleurs. 
Les deputes savent ce qu'ils ont ressenti dans les circonstances. 
C'est totalement inacceptable et cela ne devrait jamais etre tolere au Canada. 
Nous ne demandons rien d'extraordinaire. 
Nous le voyons tous les jours. 
Nous ne pouvons pas cacher cela. 
M. Dale Johnston (Wetaskiwin, Ref.): 
Cette attitude n'est que raisonnable.  
Il faut faire tres attention pour assurer l'equilibre. 
Il incombe a l'employeur de fournir des lieux de travail surs. 
Je suis heureux d'avoir pu dire quelques mots concernant cette motion. 
Mme Bev Desjarlais (Churchill, NPD):
Personne ne doutait de ce qui s'est produit a la mine Westray. 
Il ne fait aucun doute qu'il manquait une loi pour les tenir responsables.  
Qu'avons-nous fait pour changer cela? 
Nous avons adopte des lois.  
Nous avons beaucoup entendu parler de ce qui s'est produit a la mine Westray. 
Tous les Canadiens ont ete consternes. 
Cela ne se produit pas. 
Ils abandonnent ce droit. 
Pourquoi ces droits n'existent-ils pas? 
Est-ce pour proteger les societes? 
Ce n'est pas pour proteger les travailleurs. 
Les travailleurs n'ont pas les memes droits. 
Ils ne peuvent poursuivre leur employeur pour negligence manifeste. 
Il n'est pas ici question de demarches fantaisistes. 
Comment peut-on demander que justice soit faite?  
M. Mark Muise (Ouest Nova, PC):
Monsieur le President, je suis heureux de participer a ce debat cet apres-midi. 
Tous les deputes du caucus conservateur appuient la motion sans reserve.  
Le rapport final a ete depose cinq ans plus tard, soit en novembre 1997. 
Ce rapport, intitule The Westray Story:
A Predictable Path to Disaster , contenait 74 recommandations. 
Je vous cite un extrait du rapport du juge Richard: 
Il existe des moyens pour prevenir de telles tragedies. 
C'est exactement ce que prevoit cette motion.  
L'article 220 du Code criminel mentionne expressement la negligence criminelle causant la mort. 
De la meme maniere, l'article 234 mentionne l'homicide involontaire coupable. 
J'espere qu'on n'oubliera pas la catastrophe de la mine Westray. 
On ne peut pas exagerer l'importance de ce manquement. 
On ne peut pas dire simplement que d'autres ont aussi abdique leurs responsabilites. 
Mme Monique Guay (Laurentides, BQ):
Des tragedies de cette sorte, on semble les oublier rapidement au niveau federal. 
On dit qu'on devrait faire ceci ou cela. 
Les employeurs en profitent, surtout les grosses compagnies comme celles qui exploitent la mine. 
Ils ont les moyens de les payer.  
C'est un point primordial et je pense qu'il faut entierement le reviser.  
Il faut aussi donner des pouvoirs aux employes de ces industries. 
Il faut qu'ils soient capables de porter plainte. 
J'ai aussi vu d'autres erreurs importantes dans ce document. 
On parle d'amendes, mais on ne dit pas comment on va aller les recuperer. 
Ce ne sont pas les inspecteurs qui s'occupent de cela. 
Tres souvent, le gouvernement ne fait pas son travail. 
Il ne faut plus jamais revoir une tragedie de cette sorte.  
On a un effort a faire a ce niveau. 
Il y a des poursuites aussi qui doivent se faire. 
Je pense qu'il faut que justice soit faite. 
Les gens qui sont vraiment responsables, qui ont ete negligents, doivent payer pour leurs erreurs. 
Le president suppleant (M. McClelland):
(La seance est levee a 14 h 29.)  
