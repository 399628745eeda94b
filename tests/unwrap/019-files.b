On Tuesday, Marta Keel wrote:
> I have looked at the draft budget for the allotment society and I think
> the line for new water butts is far too low, given that half of the old
> ones cracked in the frost last January.
>
> > Could we move some of the money from the seed fund? Nobody has asked
> > for seeds since the swap day started in the spring, and the fund has
> > sat there untouched.
> > Just a thought.
>
> That seems fair to me, but we should ask the treasurer first.

Agreed. I will write to the treasurer tonight and copy both of you, so that
we can settle it before the meeting on the fourteenth.

--
Ivo Brandt
Secretary, Millfield Allotment Society
