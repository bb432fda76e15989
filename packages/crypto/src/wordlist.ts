/**
 * 256 short, common, concrete English words (3-6 letters) for safety
 * numbers: one word per byte. Near-homophones (boat/boot, coach/couch,
 * sheep/ship) were removed so the list survives being read aloud.
 * Never reorder or edit: existing safety numbers would change.
 */
export const WORDLIST: readonly string[] = [
  'acorn', 'actor', 'adult', 'agent', 'alarm', 'album', 'alley', 'amber', 'angle', 'ankle',
  'apple', 'apron', 'arena', 'armor', 'arrow', 'atlas', 'award', 'bacon', 'badge', 'bagel',
  'baker', 'bamboo', 'banjo', 'barn', 'basil', 'basket', 'beach', 'beard', 'beaver', 'bench',
  'berry', 'bike', 'bird', 'blade', 'bloom', 'board', 'boat', 'bolt', 'bone', 'book', 'bottle',
  'bowl', 'brick', 'bridge', 'broom', 'bucket', 'cabin', 'cactus', 'cake', 'camel', 'camera',
  'candle', 'canoe', 'canyon', 'carpet', 'carrot', 'castle', 'cave', 'cedar', 'chair', 'chalk',
  'cheese', 'cherry', 'chess', 'circle', 'city', 'cliff', 'clock', 'cloud', 'clover', 'coast',
  'coffee', 'comet', 'copper', 'coral', 'corn', 'cotton', 'couch', 'cow', 'crab', 'crane',
  'crayon', 'crown', 'cube', 'cup', 'daisy', 'dance', 'deer', 'desert', 'dinner', 'dog', 'donkey',
  'door', 'dragon', 'drum', 'duck', 'eagle', 'earth', 'echo', 'elbow', 'engine', 'falcon', 'fence',
  'fern', 'ferry', 'field', 'finger', 'fire', 'flag', 'flute', 'fog', 'forest', 'fork', 'fossil',
  'fox', 'frog', 'garden', 'garlic', 'gate', 'ginger', 'glove', 'goat', 'gold', 'grape', 'grass',
  'guitar', 'hammer', 'harbor', 'harp', 'hat', 'hawk', 'helmet', 'hill', 'honey', 'hook', 'horse',
  'iron', 'island', 'ivory', 'jacket', 'jam', 'jelly', 'jewel', 'jungle', 'kayak', 'kettle', 'key',
  'kite', 'kitten', 'koala', 'ladder', 'lake', 'lamp', 'lemon', 'lily', 'lion', 'lizard', 'magnet',
  'mango', 'maple', 'marble', 'meadow', 'melon', 'mirror', 'monkey', 'moon', 'moose', 'mouse',
  'muffin', 'needle', 'nest', 'noodle', 'ocean', 'olive', 'onion', 'orange', 'otter', 'owl',
  'paddle', 'palace', 'panda', 'paper', 'parrot', 'peach', 'peanut', 'pearl', 'pencil', 'pepper',
  'piano', 'pickle', 'pigeon', 'pillow', 'pine', 'pirate', 'planet', 'plum', 'pocket', 'pony',
  'potato', 'puzzle', 'quilt', 'rabbit', 'radio', 'rain', 'raven', 'ribbon', 'river', 'robin',
  'rocket', 'rose', 'ruby', 'saddle', 'sailor', 'salad', 'salmon', 'sand', 'scarf', 'shark',
  'sheep', 'shell', 'shovel', 'silver', 'skate', 'sled', 'snail', 'snow', 'sock', 'sofa', 'spider',
  'spoon', 'squid', 'star', 'stone', 'storm', 'sugar', 'sun', 'swan', 'table', 'tiger', 'toast',
  'tomato', 'tower', 'train', 'tree', 'tulip', 'turtle', 'valley', 'violin', 'wagon', 'walrus',
  'whale', 'wheel', 'window', 'wolf', 'yacht', 'zebra',
];
