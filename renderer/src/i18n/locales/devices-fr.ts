/** Appareils liés, la page de liaison et délier un appareil. */
export const devicesFr = {
  devices: {
    title: 'Appareils liés',
    explained: 'Caisses, bars et écrans clients qui travaillent avec cette station par le réseau local.',
    pairTitle: 'Lier un nouvel appareil',
    name: 'Nom de l’appareil',
    nameHint: 'Ce qui s’affiche dans la liste, par exemple « Bar 2 » ou « Tablette à l’entrée ».',
    needName: 'Donnez un nom à l’appareil.',
    rights: 'Droits',
    rightsOptions: { manager: 'Gérant', employee: 'Employé' },
    rightsHint: {
      manager: 'Tout ce que permet le rôle de la personne connectée.',
      employee: 'Encaisse uniquement à sa propre caisse.',
    },
    kind: 'Type d’appareil',
    kinds: { station: 'Cette station', till: 'Caisse', bar: 'Bar', display: 'Écran client' },
    till: 'Identifiant de caisse',
    tillHint:
      'Caisse ou bar : laissez vide pour lui donner sa propre caisse. Écran client : la caisse dont il affiche les ventes.',
    needTill: 'Un écran client affiche une seule caisse : tapez laquelle, par exemple till-1.',
    tillInvalid:
      'Un identifiant de caisse compte de 1 à 32 lettres, chiffres et traits d’union, par exemple till-2.',
    createPairing: 'Afficher le code de liaison',
    ticketTitle: 'Ouvrez ceci sur l’appareil',
    scanOrOpen:
      'Scannez ce code QR avec l’appareil photo de l’appareil, ou tapez le lien dans son navigateur.',
    qrLabel: 'Code QR du lien',
    link: 'Lien',
    expiresIn: 'Valable une fois, encore {{time}}.',
    expired: 'Ce code a expiré. Créez-en un nouveau.',
    fingerprint: 'Empreinte du certificat (SHA-256)',
    fingerprintHint:
      'La page de liaison de l’appareil affiche aussi une empreinte : ce doit être exactement celle-ci.',
    close: 'Terminé',
    listTitle: 'Appareils',
    none: 'Aucun appareil n’est encore lié.',
    refresh: 'Actualiser',
    column: {
      name: 'Nom',
      rights: 'Droits',
      kind: 'Type',
      till: 'Caisse',
      lastSeen: 'Vu pour la dernière fois',
      address: 'Adresse',
      state: 'Accès',
    },
    never: 'Jamais',
    linked: 'Lié',
    thisDevice: 'cet appareil',
    ended: {
      revoked: 'Révoqué',
      unlinked: 'Délié sur l’appareil',
      expired: 'Inutilisé depuis 30 jours',
    },
    revoke: 'Révoquer',
    revokeNamed: 'Révoquer {{name}}',
    revokeConfirm:
      'Révoquer « {{name}} » ? Il perd l’accès immédiatement et devra être lié à nouveau pour fonctionner.',
    revokeYes: 'Révoquer',
    keep: 'Le garder',
    revokedDone: '« {{name}} » n’a plus accès.',
  },
  network: {
    title: 'Réseau local',
    explained:
      'Les appareils liés joignent la station en HTTPS à cette adresse. Tant qu’il est désactivé, seul cet ordinateur peut utiliser la station.',
    enabled: 'Autoriser les appareils du réseau local à se connecter',
    address: 'Adresse',
    addressHint: 'L’adresse de cet ordinateur sur le réseau local, par exemple 192.168.1.20.',
    addressInvalid: 'Tapez une adresse IP, par exemple 192.168.1.20.',
    port: 'Port',
    portHint: 'Un nombre de 1024 à 65535.',
    portInvalid: 'Tapez un port de 1024 à 65535.',
    save: 'Enregistrer',
    saved: 'Enregistré.',
    url: 'Les appareils se connectent à',
    fingerprint: 'Empreinte du certificat (SHA-256)',
    isOff: 'Désactivé : les appareils ne peuvent pas se connecter.',
    offForPairing:
      'Le réseau local est désactivé : activez-le ci-dessous avant qu’un appareil n’ouvre le lien.',
  },
  pair: {
    title: 'Lier cet appareil à Kassa',
    noCode: 'Ce lien ne contient pas de code. Scannez à nouveau le code QR affiché sur la station.',
    checkTitle: 'Vérifiez d’abord le certificat',
    fingerprintIntro:
      'La station que vous avez jointe indique que l’empreinte (SHA-256) de son certificat est :',
    fingerprintUnknown:
      'La station n’a pas indiqué quel certificat elle utilise. Comparez l’empreinte dans les détails du certificat de votre navigateur avec celle affichée sur l’écran de la station.',
    compare:
      'Comparez-la avec l’empreinte affichée sur l’écran Appareils liés de la station. Si elles diffèrent, ne liez pas cet appareil et prévenez le responsable.',
    cannotRead:
      'Une page web ne peut pas lire le certificat elle-même : voici ce que la station a répondu. Votre navigateur montre le vrai certificat dans ses détails.',
    trustTitle: 'Faire confiance au certificat de la station',
    trust: {
      warning:
        'Votre navigateur avertit que la connexion n’est pas privée : la station a créé son propre certificat, aucune autorité publique ne l’a signé.',
      details:
        'Ouvrez les détails du certificat (touchez le cadenas ou « Non sécurisé » à côté de l’adresse) et vérifiez que son empreinte SHA-256 est celle ci-dessus.',
      proceed:
        'Seulement si elles sont identiques : choisissez Paramètres avancés, puis Continuer vers le site.',
      install:
        'Pour ne plus voir l’avertissement, installez le certificat comme fiable sur cet appareil (dans ses paramètres de sécurité).',
    },
    link: 'Lier cet appareil',
    linkedTitle: 'Cet appareil est lié',
    linkedAs: 'Lié comme {{name}}, {{rights}}, caisse {{till}}',
    linkedAsNoTill: 'Lié comme {{name}}, {{rights}}',
    goTill: 'Aller à la caisse',
    goDisplay: 'Afficher l’écran client',
  },
  unlink: {
    button: 'Délier cet appareil',
    confirm: 'Délier cet appareil ? Il ne pourra plus utiliser la station avant d’être lié à nouveau.',
    yes: 'Délier',
    no: 'Annuler',
    title: 'Cet appareil n’est pas lié',
    done: 'Cet appareil n’est plus lié à la station.',
    again: 'Pour l’utiliser à nouveau, demandez un nouveau code de liaison à la station et ouvrez-le ici.',
  },
};
