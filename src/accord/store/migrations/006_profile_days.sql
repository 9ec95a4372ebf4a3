-- The days an article's text gives its happenings, for the story clusterer (accord.stories.profile):
-- an article that reports a happening of its own day is not a follow-up of an older story.
ALTER TABLE profiles ADD COLUMN days TEXT NOT NULL DEFAULT '[]';  -- JSON list of [ISO date, event type]
