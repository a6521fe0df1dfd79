"""Whether a sentence reports an event, and of which sub-type: the rules and the classifier together.

The trigger rules are precise about what they know (a weapon named, a verb stated as a fact, not
a future or a denial) but know only their words; the sentence classifier generalises across
phrasings but can be fooled by a sentence full of war words that reports nothing new. So a rule's
event stands unless the classifier is nearly sure nothing is reported, the sub-type is the
classifier's with a head start for the rule's, and the classifier alone codes a sentence only
when it is confident. The weights are in events.yaml (`classifier`), one set per encoder.
"""
from __future__ import annotations

from peacewatch.events.sentence_classifier import NO_EVENT, classifier_settings, likeliest_event
from peacewatch.settings import SETTINGS


def verdict(rule_label: str | None, probabilities: dict[str, float],
            encoder: str = SETTINGS.event_encoder) -> str | None:
    """The label ("Event type|Sub-event type") a sentence is coded with, or None for no event;
    `rule_label` is what the rules found (None if they found nothing)."""
    settings = classifier_settings(encoder)
    events = [label for label in probabilities if label != NO_EVENT]
    if rule_label is None:
        best, probability = likeliest_event(probabilities)
        return best if probability >= settings["alone"] else None
    if settings["veto"] is not None and probabilities[NO_EVENT] >= settings["veto"]:
        return None
    return max(events, key=lambda label: probabilities[label] + (settings["rule_weight"] if label == rule_label else 0.0))
