<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<link href="../templates/main2.css" rel="stylesheet" type="text/css" />
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
</head>
<body>
<div style="width:325px"><font class="transcript">

<strong>Mr. BELNICK</strong>: Sometime in the afternoon did you receive a
telephone call from the White House operator?
<br/><br/><strong>Ms. HALL</strong>: Yes, sir.
<br/><br/><strong>Mr. BELNICK</strong>: Would you tell us about that call?
<br/><br/><strong>Ms. HALL</strong>: Sometime late afternoon, the phone rang, I answered
it, it was the White House operator saying the President would like
to speak with Colonel North. I asked her if she would hold for a
moment. I placed a call to the hotel and told him the President
would like to speak with him and I was going to go ahead and give
the operator the number and have her call. He said yes, and I did
so.
<br/><br/><strong>Mr. BELNICK</strong>: Did you subsequently learn from Colonel North
whether he had spoken to the President?
<br/><br/><strong>Ms. HALL</strong>: Yes, sir.
<br/><br/><strong>Mr. BELNICK</strong>: And what did Colonel North tell you about his
phone call with the President?
<br/><br/><strong>Ms. HALL</strong>: He said the President called him an American hero
and that he just didn't know.
<br/><br/><strong>Mr. BELNICK</strong>: The President said that he, the President, just
didn't know?
<br/><br/><strong>Ms. HALL</strong>: That's what I recall Colonel North saying. 
<br/><br/><strong>Mr. BELNICK</strong>: Did Colonel North explain what he understood that
reference to mean?
<br/><br/><strong>Ms. HALL</strong>: No, sir.
<br/><br/><strong>Mr. BELNICK</strong>: You didn't ask about it?
<br/><br/><strong>Ms. HALL</strong>: No, sir.


</font></div>
</body>
</html>
