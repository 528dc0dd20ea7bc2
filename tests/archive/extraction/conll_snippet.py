"""A tiny CoNLL-2003-format file for reader, scorer and command tests."""

# Made-up sentences (no CoNLL or Reuters text), in the CoNLL column format:
# IOB2 tags in the first document, IOB1 tags in the second.
SNIPPET = """\
-DOCSTART- -X- -X- O

Ilham NNP B-NP B-PER
Aliyev NNP I-NP I-PER
met VBD B-VP O
Antonio NNP B-NP B-PER
Guterres NNP I-NP I-PER
in IN B-PP O
Baku NNP B-NP B-LOC
on IN B-PP O
Monday NNP B-NP O
. . O O

The DT B-NP O
Organisation NNP I-NP B-ORG
of IN B-PP I-ORG
Islamic NNP B-NP I-ORG
Cooperation NNP I-NP I-ORG
said VBD B-VP O
Azerbaijani JJ B-NP B-MISC
officials NNS I-NP O
agreed VBD B-VP O
. . O O

-DOCSTART- -X- -X- O

Sengendo NNP B-NP I-PER
spoke VBD B-VP O
in IN B-PP O
Dakar NNP B-NP I-LOC
. . O O
"""
