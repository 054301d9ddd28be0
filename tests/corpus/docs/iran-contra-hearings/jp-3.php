<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<link href="../templates/main2.css" rel="stylesheet" type="text/css" />
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
</head>
<body>
<div style="width:325px"><font class="transcript">

<strong>Mr. POINDEXTER</strong>: ...So although I was convinced that we could properly do it and
that the President would approve if asked, I made a very deliberate
decision not to ask the President so that I could insulate him from
the decision and provide some future deniability for the President
if it ever leaked out.
Of course, our hope was that it would not leak out.
<br/><br/><strong>Mr. LIMAN</strong>: When you say deniability, are you saying that your
decision was not to tell the President so that he would be able to
deny that he knew of it?
<br/><br/><strong>Mr. POINDEXTER</strong>: That is correct.
<br/><br/><strong>Mr. LIMAN</strong>: And did you at any time prior to the Attorney General's Finding this on November 22 tell the President of the United
States for the fact that proceeds from the Iranian arms sale were
being used to support the Contras?
<br/><br/><strong>Mr. POINDEXTER</strong>: I don't—I did not—I want to make this very
clear, I understand it is an important issue—I did not talk to anybody else except Colonel North about this decision until, to my
knowledge, to my best recollection, and I don't want to quibble
here over times in late November of 1986—but my recollection is
the first mention that I made to anybody besides Colonel North
was on November 24th, 1986 to Ed Meese.
<br/><br/><strong>Mr. LIMAN</strong>: And so that the answer is you did not tell the President of the United States?
<br/><br/><strong>Mr. POINDEXTER</strong>: I did not.
<br/><br/><strong>Mr. LIMAN</strong>: And that for a period of whatever it is, 9 months,
you kept it from the President of the United States for the reasons
you have given.
[Counsel conferring with witness.]
<br/><br/><strong>Mr. POINDEXTER</strong>: Mr. Liman, this clearly was an important decision, but it was also an implementation, a very clear policy of if the
President had asked me, I very likely would have told him about it.
But he didn't.
And I think it is—you know, an important point here is that on
this whole issue, you know, the buck stops here with me. I made
the decision. I felt that I had the authority to do it. I thought it
was a good idea. I was convinced that the President would in the
end think it was a good idea. But I did not want him to be associated with the decision.
<br/><br/><strong>Mr. LIMAN</strong>: Admiral, let me just explain something that my job
is not only to elicit what happened, but why it happened, what was
going through the mind of people like you who made decisions, and
I hope you will understand that that is why I am putting the questions that I have put, and that I will put.
Mr. BECKLER. Mr. Chairman, I want to comment on that editorializing by Mr. Liman.
His job is to ask my client what he did and what went through
his mind, not what everybody else was thinking.
Chairman HAMILTON. Counsel, I think it is helpful to members of
the committee for Mr. Liman to make that statement and I think
counsel may proceed.
<br/><br/><strong>Mr. LIMAN</strong>: You testified before in connection with the destruction of that November Finding that you did see the job of the National Security Adviser as including protecting the President from
political damage.
Do you recall that?
<br/><br/><strong>Mr. POINDEXTER</strong>: Yes, I did.
<br/><br/><strong>Mr. LIMAN</strong>: Is it fair to say that the decision that you made to
not tell the President about this use of the proceeds of the arms
sale was another manifestation of that type of responsibility as you
saw it?
<br/><br/><strong>Mr. POINDEXTER</strong>: Yes, it was.
<br/><br/><strong>Mr. LIMAN</strong>: You understood that if this got out, it would be very
controversial.
<br/><br/><strong>Mr. POINDEXTER</strong>: I did understand that.
<br/><br/><strong>Mr. LIMAN</strong>: And that it could, if it got out and the President was
associated with it, cause damage to the President?
<br/><br/><strong>Mr. POINDEXTER</strong>: I realized that it would do that, yes.
<br/><br/><strong>Mr. LIMAN</strong>: And that was indeed the reason for not telling him?
<br/><br/><strong>Mr. POINDEXTER</strong>: That is correct.
<br/><br/><strong>Mr. LIMAN</strong>: Did you not think, sir, that given the potential for
damage and embarrassment that he, the President of the United
States, should have the choice whether to proceed with this use of
the money?
<br/><br/><strong>Mr. POINDEXTER</strong>: That thought didn't cross my mind at the time.
It was a matter, in my view, of keeping the Contras alive so that
there would be a viable option in the future to continue the pressure against the Communist government down there. If the Contras disbanded because of lack of funds, and that was always a
problem, then we wouldn't have that option, and my view was,
again, you have got to put this in the context of many, many meetings with the President talking to him extensively about the way
he thought about these issues, and I am sure, as the members of
these committees and the American public understand, this is a
very strong President who is very willing to take unpopular positions and provide leadership to the country. And so I really, although I can't say that at the time the thought crossed my mind
that you have described, but with hindsight, I still contend that I
believe that the President would have approved the decision at the
time if I had asked him.
<br/><br/><strong>Mr. LIMAN</strong>: And in terms of your state of mind, because that is
what I am interested in, at the time you made that decision, you
believed that if you had told the President, he would have approved it.
<br/><br/><strong>Mr. POINDEXTER</strong>: Absolutely. 


</font></div>
</body>
</html>
